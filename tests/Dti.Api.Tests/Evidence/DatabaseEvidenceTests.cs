using Dti.Infrastructure.Evidence;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Evidence;

/// <summary>The evidence tests with the default store: the bytes in the database (EvidenceBlobs), beside their content row.</summary>
public sealed class DatabaseEvidenceTests(DatabaseProvider provider) : EvidenceTests(provider)
{
    protected override async Task AssertStoredOnce(string sha256)
    {
        var blobs = await InDatabase(db => db.Set<EvidenceBlob>().Where(b => b.Sha256 == sha256).CountAsync());
        Assert.That(blobs, Is.EqualTo(1), "the bytes are in the database once");
    }
}
