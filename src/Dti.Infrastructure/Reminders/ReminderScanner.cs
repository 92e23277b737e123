using Dti.Application.Reminders;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dti.Infrastructure.Reminders;

/// <summary>
/// Runs one reminder scan (<see cref="ReminderScan"/>) in one transaction that also holds the scan's claim row, and
/// saves the reminders with their events, so the outbox receives them in the same commit.
/// </summary>
/// <remarks>
/// <para>Several instances scan one database. Each scan first takes <see cref="ReminderScanClaim"/>'s row with the lock
/// the outbox takes its messages with (<see cref="RowClaims"/>: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, <c>UPDLOCK,
/// READPAST</c> on SQL Server; on SQLite the write transaction itself serialises writers): a scan that finds the row locked skips its turn
/// instead of waiting, and the next scan reads what the other one committed. The unique index on (subject, subject
/// key, threshold) is the last guard: a duplicate fails the whole save, events included.</para>
/// <para>No state in memory decides anything: a restarted or a second instance reads the reminders already raised.</para>
/// </remarks>
public sealed class ReminderScanner(
    IServiceScopeFactory scopes, OutboxSignal outbox, TimeProvider clock, ILogger<ReminderScanner> logger)
{
    /// <summary>Runs one scan; returns how many reminders it raised, or null when another scan held the claim.</summary>
    public async Task<int?> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var by = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        by = by[Math.Max(0, by.Length - OutboxMessage.ClaimedByMaxLength)..];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        await EnsureClaimRowAsync(db, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await ClaimQuery(db).SingleOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            logger.LogDebug("Another instance is scanning for reminders; this one skips its turn.");
            return null;
        }

        var now = clock.GetUtcNow();
        var raised = await scope.ServiceProvider.GetRequiredService<ReminderScan>().AddDueAsync(now, cancellationToken);
        claim.Record(now, by, raised);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (raised > 0)
        {
            outbox.Notify(); // the events are committed now; the save's own wake-up came before the commit
            logger.LogInformation("Raised {Reminders} reminders.", raised);
        }

        return raised;
    }

    /// <summary>The claim row is created by the first scan (a concurrent first scan of another instance may win: then it is there).</summary>
    private static async Task EnsureClaimRowAsync(DtiDbContext db, CancellationToken cancellationToken)
    {
        if (await db.ReminderScanClaims.AnyAsync(c => c.Id == ReminderScanClaim.TheRow, cancellationToken))
        {
            return;
        }

        var row = db.ReminderScanClaims.Add(ReminderScanClaim.Create());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StorageFailures.IsUniqueViolation(ex))
        {
            row.State = EntityState.Detached;
        }
    }

    /// <summary>The claim row, locked until the scan commits; no row when another scan holds it.</summary>
    public static IQueryable<ReminderScanClaim> ClaimQuery(DtiDbContext db) =>
        db.ReminderScanClaims.Where(c => c.Id == ReminderScanClaim.TheRow).SkipLockedForUpdate();
}
