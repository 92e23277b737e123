using Dti.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Publishes stored domain events through MediatR, one pass at a time: take a batch of due messages, publish each
/// as a <see cref="Application.Common.Events.DomainEventNotification{TEvent}"/> in its own scope, and mark it
/// processed — or record the failure and when to try again.
/// </summary>
/// <remarks>
/// <para>Several instances may run passes against one database at once; each message is taken by exactly one of
/// them. Taking is a short transaction that picks the due rows with row locks the other instances skip
/// (<see cref="RowClaims"/>: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; SQLite serialises writers, so its transaction alone is enough)
/// and stamps them with this pass's claim, making them unavailable until <see cref="OutboxOptions.ClaimDuration"/>
/// has passed. Handlers then run outside any transaction, so slow handlers hold no locks.</para>
/// <para>A pass marks its published messages processed together, in one statement at its end. Delivery is at least
/// once: a pass that dies after publishing but before marking leaves its messages to be taken again when the claim
/// runs out.</para>
/// </remarks>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, EventAudience audience, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Runs one pass; returns how many messages it took (0 when none was due).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var claim = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        claim = claim[Math.Max(0, claim.Length - OutboxMessage.ClaimedByMaxLength)..];
        var (messages, taken) = await ClaimAsync(claim, cancellationToken);
        var published = new List<Guid>(messages.Count);
        try
        {
            foreach (var message in messages)
            {
                if (await DispatchAsync(message, claim, cancellationToken))
                {
                    published.Add(message.Id);
                }
            }
        }
        finally
        {
            // Also when the host stops mid-batch: what was published is not published again.
            await MarkProcessedAsync(published, claim, CancellationToken.None);
        }

        return taken;
    }

    /// <summary>
    /// Deletes messages processed longer than <see cref="OutboxOptions.ProcessedRetention"/> ago; returns how many. Safe
    /// on several instances at once (a row already deleted by another is simply not there); failed messages left for
    /// an operator are never deleted.
    /// </summary>
    public async Task<int> PurgeProcessedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.ProcessedRetention;
        return await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Takes a batch: the messages to publish, and how many were taken in all. Events no handler consumes are stored
    /// processed (<see cref="OutboxInterceptor"/>); one stored unprocessed all the same — by a version that published
    /// every event, or while this instance's handlers differ from the writer's — is marked processed as it is taken, in
    /// the same statement, instead of being published to no one in a scope of its own and marked by a second update.
    /// </summary>
    private async Task<(List<OutboxMessage> ToPublish, int Taken)> ClaimAsync(string claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();

        // Look before taking a transaction: on SQLite a write transaction holds the database's only write lock.
        if (!await Due(db, now).AnyAsync(cancellationToken))
        {
            return ([], 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = await ClaimQuery(db, now).ToListAsync(cancellationToken);
        if (messages.Count == 0)
        {
            return ([], 0);
        }

        var heard = messages.ToLookup(m => audience.IsHeard(m.Type));
        var toPublish = heard[true].ToList();
        var ids = toPublish.Select(m => m.Id).ToList();
        var until = now + settings.ClaimDuration;
        if (ids.Count > 0)
        {
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.AvailableAt, until).SetProperty(m => m.Attempts, m => m.Attempts + 1),
                cancellationToken);
        }

        var done = heard[false].Select(m => m.Id).ToList();
        if (done.Count > 0)
        {
            await db.OutboxMessages.Where(m => done.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.ProcessedAt, now),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (toPublish, messages.Count);
    }

    /// <summary>A pass's messages: the due ones, oldest first, locked for the pass's transaction and skipping those another pass holds.</summary>
    public IQueryable<OutboxMessage> ClaimQuery(DtiDbContext db, DateTimeOffset now) =>
        Due(db, now).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Take(options.Value.BatchSize).SkipLockedForUpdate().AsNoTracking();

    private IQueryable<OutboxMessage> Due(DtiDbContext db, DateTimeOffset now)
    {
        var maxAttempts = options.Value.MaxAttempts;
        return db.OutboxMessages.Where(m => m.ProcessedAt == null && m.Attempts < maxAttempts && m.AvailableAt <= now);
    }

    /// <summary>
    /// Publishes one message to its handlers in a scope of its own; false (with the failure recorded) when a handler
    /// threw. The handlers share the scope's context, and it holds
    /// one pooled connection for all their statements, as a request does (<c>OneConnectionBehaviour</c>, which notifications
    /// do not pass through): each statement would otherwise rent one and pay the provider's reset of it.
    /// </summary>
    private async Task<bool> DispatchAsync(OutboxMessage message, string claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(DomainEventTypes.ToNotification(message), cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, message, message.Attempts + 1, claim, ex, cancellationToken);
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Marks the pass's published messages in one statement. Only while this pass's claim holds them: a message whose
    /// claim ran out and was taken again belongs to the newer pass. A pass that dies before this leaves its messages
    /// to be published again once the claim runs out (at least once).
    /// </summary>
    private async Task MarkProcessedAsync(List<Guid> published, string claim, CancellationToken cancellationToken)
    {
        if (published.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = clock.GetUtcNow();
        await db.OutboxMessages.Where(m => published.Contains(m.Id) && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now), cancellationToken);
    }

    private async Task RecordFailureAsync(DtiDbContext db, OutboxMessage message, int attempt, string claim, Exception failure, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var error = $"{failure.GetType().FullName}: {failure.Message}";
        error = error[..Math.Min(error.Length, OutboxMessage.LastErrorMaxLength)];
        var retryAt = clock.GetUtcNow() + settings.RetryDelayAfter(attempt);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, retryAt).SetProperty(m => m.LastError, error), cancellationToken);

        if (attempt >= settings.MaxAttempts)
        {
            logger.LogError(failure, "Domain event {EventType} {MessageId} failed {Attempts} times and will not be retried; its last error is kept in OutboxMessages.", message.Type, message.Id, attempt);
        }
        else
        {
            logger.LogWarning(failure, "Domain event {EventType} {MessageId} failed (attempt {Attempt} of {MaxAttempts}); retrying at {RetryAt:O}.", message.Type, message.Id, attempt, settings.MaxAttempts, retryAt);
        }
    }
}
