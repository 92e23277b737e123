using System.Text.RegularExpressions;
using Dti.Api.Tests.Infrastructure;

namespace Dti.Api.Tests.Architecture;

/// <summary>
/// Keys are made in one place, <see cref="Dti.Domain.Common.Identifiers"/>: <see cref="Guid.CreateVersion7()"/> reads
/// /dev/urandom once per call on Linux (docs/benchmarks.md, seventeenth step), and a key made by it would still be valid, so
/// nothing but this test would notice a new one.
/// </summary>
public sealed partial class IdentifierTests
{
    [Test]
    public void NoSourceFileMakesAVersion7IdentifierButIdentifiers()
    {
        var callers = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) != "Identifiers.cs" && CreateVersion7().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(Repository.Root, path));

        Assert.That(callers, Is.Empty, "use Identifiers.NewVersion7()");
    }

    [GeneratedRegex(@"\bGuid\.CreateVersion7\s*\(")]
    private static partial Regex CreateVersion7();
}
