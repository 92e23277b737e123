using Dti.Application.Webhooks;
using Dti.Domain.Webhooks;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Webhooks;

/// <summary>
/// Posts due webhook deliveries, one pass at a time: take a batch of due deliveries of active, unpaused subscriptions,
/// post each, log the attempt and either mark it delivered or schedule the next attempt — and keep the subscription's
/// circuit: consecutive failures pause it, too many disable it.
/// </summary>
/// <remarks>
/// Taking works as in <see cref="OutboxDispatcher"/>: a short transaction picks the due rows with row locks other
/// instances skip (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, <c>UPDLOCK, READPAST</c> on SQL Server; SQLite's
/// transaction alone serialises writers) and stamps them with this pass's claim until <see cref="WebhookOptions.ClaimDuration"/>
/// has passed. Posting happens outside any transaction. A pass that dies mid-way leaves its deliveries to be taken
/// again when the claim runs out: delivery is at least once, always with the same event id.
/// </remarks>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    /// <summary>Runs one pass; returns how many deliveries it took (0 when none was due).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var claim = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        claim = claim[Math.Max(0, claim.Length - OutboxMessage.ClaimedByMaxLength)..];
        var deliveries = await ClaimAsync(claim, cancellationToken);
        foreach (var delivery in deliveries)
        {
            await DeliverAsync(delivery, claim, cancellationToken);
        }

        return deliveries.Count;
    }

    private async Task<List<WebhookDelivery>> ClaimAsync(string claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = clock.GetUtcNow();

        // Look before taking a transaction: on SQLite a write transaction holds the database's only write lock.
        if (!await Due(db, now).AnyAsync(cancellationToken))
        {
            return [];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deliveries = await ClaimQuery(db, now).ToListAsync(cancellationToken);
        if (deliveries.Count == 0)
        {
            return [];
        }

        var ids = deliveries.Select(d => d.Id).ToList();
        var until = now + options.Value.ClaimDuration;
        await db.WebhookDeliveries.Where(d => ids.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, claim).SetProperty(d => d.NextAttemptAt, until), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deliveries;
    }

    /// <summary>A pass's deliveries: the due ones, oldest due first, locked for the pass's transaction and skipping those another pass holds.</summary>
    public IQueryable<WebhookDelivery> ClaimQuery(DtiDbContext db, DateTimeOffset now) =>
        Due(db, now).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(options.Value.BatchSize).SkipLockedForUpdate().AsNoTracking();

    private static IQueryable<WebhookDelivery> Due(DtiDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries.Where(d => d.DeliveredAt == null && d.GaveUpAt == null && d.NextAttemptAt <= now
            && db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Active && (s.PausedUntil == null || s.PausedUntil <= now)));

    private async Task DeliverAsync(WebhookDelivery delivery, string claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var target = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == delivery.SubscriptionId)
            .Select(s => new { s.Url, s.Secret }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return; // deleted since it was taken: its deliveries went with it
        }

        var at = clock.GetUtcNow();
        var outcome = await scope.ServiceProvider.GetRequiredService<WebhookSender>()
            .SendAsync(target.Url, target.Secret, delivery.EventId, delivery.EventType, delivery.Body, cancellationToken);
        var number = delivery.AttemptCount + 1;
        db.WebhookAttempts.Add(new WebhookAttempt(delivery.Id, number, at, outcome.StatusCode, outcome.DurationMs, outcome.Error));
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow();
        if (outcome.Succeeded)
        {
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.ClaimedBy == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DeliveredAt, now).SetProperty(d => d.AttemptCount, number), cancellationToken);
            await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId && (s.ConsecutiveFailures != 0 || s.PausedUntil != null))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 0).SetProperty(x => x.PausedUntil, (DateTimeOffset?)null), cancellationToken);
            return;
        }

        await RecordFailureAsync(db, delivery, number, claim, outcome, now, cancellationToken);
    }

    private async Task RecordFailureAsync(
        DtiDbContext db, WebhookDelivery delivery, int number, string claim, WebhookAttemptOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // Up to a fifth more, at random, so that deliveries failing together do not all come back at the same instant.
        var delay = settings.RetryDelayAfter(number);
        var retryAt = now + delay + (delay * (Random.Shared.NextDouble() / 5));
        DateTimeOffset? gaveUp = number >= settings.MaxAttempts ? now : null;
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.ClaimedBy == claim).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.NextAttemptAt, retryAt).SetProperty(d => d.AttemptCount, number).SetProperty(d => d.GaveUpAt, gaveUp),
            cancellationToken);

        // The circuit is kept on the subscription's row, counted in the database, so every instance sees the same one.
        await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, x => x.ConsecutiveFailures + 1), cancellationToken);
        var failures = await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId).Select(s => s.ConsecutiveFailures).SingleOrDefaultAsync(cancellationToken);
        if (failures >= settings.DisableAfterFailures)
        {
            var reason = $"Disabled after {failures} consecutive failed attempts; the last: {outcome.Error}";
            reason = reason[..Math.Min(reason.Length, WebhookLimits.ReasonMaxLength)];
            var disabled = await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId && s.Active).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Active, false).SetProperty(x => x.DisabledAt, now).SetProperty(x => x.DisabledReason, reason)
                    .SetProperty(x => x.PausedUntil, (DateTimeOffset?)null).SetProperty(x => x.Version, x => x.Version + 1),
                cancellationToken);
            if (disabled > 0)
            {
                logger.LogWarning("Webhook subscription {SubscriptionId} was disabled after {Failures} consecutive failed attempts.", delivery.SubscriptionId, failures);
            }
        }
        else if (failures >= settings.PauseAfterFailures)
        {
            // Open (or, after a failed trial, re-open) the circuit: nothing goes to the URL until the pause is over.
            var until = now + settings.PauseDuration;
            await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PausedUntil, until), cancellationToken);
        }

        logger.LogInformation(
            "Webhook delivery {DeliveryId} of event {EventId} failed (attempt {Attempt}): {Error}", delivery.Id, delivery.EventId, number, outcome.Error);
    }
}
