using Dti.Domain.Evidence;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Infrastructure.Evidence;

/// <summary>Adds a content row once, whichever of several concurrent uploads of the same bytes gets there first.</summary>
internal static class StoredContent
{
    /// <summary>
    /// Adds <paramref name="content"/> (and <paramref name="alongside"/>, in the same transaction) through the request's
    /// own unit of work, committed on return, unless a row with its hash exists. Two instances racing with the same bytes
    /// both succeed: the loser's insert breaks the key, which means the winner stored the same row, and the loser's rows
    /// (with the audit its save recorded) are let go. The request's own connection is used: a second one, held while the
    /// request's is, could wait forever for a bounded pool that requests like it have exhausted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The unit of work already holds changes, which this save would commit.</exception>
    public static async Task AddOnceAsync(DtiDbContext db, EvidenceContent content, object? alongside, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Evidence content is stored before the request changes anything else: its save commits on its own.");
        }

        if (await db.EvidenceContents.AnyAsync(c => c.Sha256 == content.Sha256, cancellationToken))
        {
            return;
        }

        db.EvidenceContents.Add(content);
        if (alongside is not null)
        {
            db.Add(alongside);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException duplicate) when (StorageFailures.IsUniqueViolation(duplicate))
        {
            // Stored by a concurrent upload of the same bytes: nothing of this save is to be written.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
