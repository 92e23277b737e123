using Dti.Domain.Clients;
using Dti.Infrastructure.Evidence;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Evidence;

/// <summary>The evidence tests with the default store: the bytes in the database (EvidenceBlobs), beside their content row.</summary>
public sealed class DatabaseEvidenceTests(DatabaseProvider provider) : EvidenceTests(provider)
{
    [Test]
    public async Task TheAuditTrailRecordsTheUploadForTheAgencyButNotTheBytes()
    {
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, Ict);
        var evidence = await Created(await reporter.PostAsync(Evidence(Ict), EvidenceFiles.Upload(EvidenceFiles.Pdf("Bao cao mat"), "Báo cáo.pdf")));

        var entries = await InDatabase(db => db.AuditEntries.Where(a => a.EntityType.StartsWith("Evidence")).ToListAsync());

        Assert.That(entries.Select(e => e.EntityType), Is.EquivalentTo(new[] { "EvidenceItem", "EvidenceContent", "EvidenceBlob" }));
        Assert.That(entries.Single(e => e.EntityType == "EvidenceItem").EntityId, Is.EqualTo(evidence.GetProperty("id").GetString()));
        Assert.That(entries.Select(e => e.AgencyId), Is.All.EqualTo(Ict), "written for the reporter's agency");
        Assert.That(entries.Single(e => e.EntityType == "EvidenceBlob").Changes, Does.Contain("[redacted]").And.Not.Contain(Convert.ToBase64String(EvidenceFiles.Pdf("Bao cao mat"))[..40]));
    }

    protected override async Task AssertStoredOnce(string sha256)
    {
        var blobs = await InDatabase(db => db.Set<EvidenceBlob>().Where(b => b.Sha256 == sha256).CountAsync());
        Assert.That(blobs, Is.EqualTo(1), "the bytes are in the database once");
    }
}
