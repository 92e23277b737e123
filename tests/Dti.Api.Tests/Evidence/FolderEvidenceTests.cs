using Dti.Infrastructure.Evidence;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Evidence;

/// <summary>
/// Every evidence test again with <c>Evidence:Store=Folder</c>: the bytes are files named by their SHA-256 under a
/// temporary folder, nothing is left half-written, and the database holds no bytes.
/// </summary>
public sealed class FolderEvidenceTests(DatabaseProvider provider) : EvidenceTests(provider)
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dti-evidence-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Evidence:Store"] = "Folder",
        ["Evidence:Folder"] = _folder,
    };

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override async Task AssertStoredOnce(string sha256)
    {
        var file = Path.Combine(_folder, sha256[..2], sha256[2..4], sha256);
        Assert.That(File.Exists(file), Is.True, $"the bytes are at {file}");
        Assert.That(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Count(f => Path.GetFileName(f).Contains(sha256, StringComparison.Ordinal)), Is.EqualTo(1), "one file, no temporary copy left");
        Assert.That(await InDatabase(db => db.Set<EvidenceBlob>().CountAsync()), Is.Zero, "no bytes in the database");
    }
}
