using Dti.Application.Evidence;
using Dti.Domain.Evidence;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Infrastructure.Evidence;

/// <summary>
/// Keeps evidence bytes in the database (<c>EvidenceBlobs</c>), written with their content row in one transaction: a
/// backup of the database holds the evidence too. Files are at most <c>Evidence:MaxFileBytes</c>, so one is held in
/// memory while it is written or read.
/// </summary>
internal sealed class DatabaseContentStore(DtiDbContext db) : IEvidenceContentStore
{
    public async Task StoreAsync(EvidenceContent content, Stream bytes, CancellationToken cancellationToken)
    {
        if (await db.EvidenceContents.AnyAsync(c => c.Sha256 == content.Sha256, cancellationToken))
        {
            return;
        }

        var data = new byte[content.SizeBytes];
        bytes.Position = 0;
        await bytes.ReadExactlyAsync(data, cancellationToken);
        await StoredContent.AddOnceAsync(db, content, new EvidenceBlob(content.Sha256, data), cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var data = await db.Set<EvidenceBlob>().Where(b => b.Sha256 == sha256).Select(b => b.Bytes).SingleOrDefaultAsync(cancellationToken);
        return data is null ? null : new MemoryStream(data, writable: false);
    }
}
