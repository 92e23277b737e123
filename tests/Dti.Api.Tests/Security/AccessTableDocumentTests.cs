using Dti.Api.Tests.Infrastructure;

namespace Dti.Api.Tests.Security;

/// <summary>docs/security.md prints <see cref="AccessTable"/>; regenerate the section with DTI_UPDATE_DOCS=1 and commit it.</summary>
public sealed class AccessTableDocumentTests
{
    private const string Start = "<!-- access-table:start (generated from tests/Dti.Api.Tests/Security/AccessTable.cs) -->";
    private const string End = "<!-- access-table:end -->";

    private static readonly string DocumentPath = Path.Combine(Repository.Root, "docs", "security.md");

    [Test]
    public async Task TheSecurityDocumentPrintsTheAccessTable()
    {
        var document = (await File.ReadAllTextAsync(DocumentPath)).ReplaceLineEndings("\n");
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, $"docs/security.md needs the markers {Start} and {End}");
        var section = Start + "\n" + AccessTable.ToMarkdown() + End;
        if (Environment.GetEnvironmentVariable("DTI_UPDATE_DOCS") == "1")
        {
            document = document[..start] + section + document[(end + End.Length)..];
            await File.WriteAllTextAsync(DocumentPath, document);
        }

        Assert.That(document[start..(end + End.Length)], Is.EqualTo(section), "docs/security.md no longer prints AccessTable.cs: regenerate it with DTI_UPDATE_DOCS=1");
    }
}
