using Dti.Domain.Evidence;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Infrastructure.Evidence;

/// <summary>Adds a content row once, whichever of several concurrent uploads of the same bytes gets there first.</summary>
internal static class StoredContent
{
    /// <summary>
    /// Adds <paramref name="content"/> (and what <paramref name="alongside"/> adds, in the same transaction) in a scope of
    /// its own, committed on return, unless a row with its hash exists. Two instances racing with the same bytes both
    /// succeed: the loser's insert breaks the key, which means the winner stored the same row.
    /// </summary>
    public static async Task AddOnceAsync(IServiceScopeFactory scopes, EvidenceContent content, Action<DtiDbContext>? alongside, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        if (await db.EvidenceContents.AnyAsync(c => c.Sha256 == content.Sha256, cancellationToken))
        {
            return;
        }

        db.EvidenceContents.Add(content);
        alongside?.Invoke(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException duplicate) when (StorageFailures.IsUniqueViolation(duplicate))
        {
            // Stored by a concurrent upload of the same bytes.
        }
    }
}
