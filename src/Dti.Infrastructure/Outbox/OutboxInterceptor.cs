using Dti.Domain.Common;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Moves the events recorded by the tracked aggregates into <see cref="OutboxMessage"/> rows of the same save,
/// so they are committed — or rolled back — with the change that raised them. An event no handler consumes
/// (<see cref="EventAudience"/>) is stored already processed, so no dispatch pass takes it. After a successful save
/// that stored an event to publish, it wakes this instance's dispatcher.
/// </summary>
/// <remarks>
/// The events leave the aggregates as the rows are added: if the save then fails, the rows stay in the change
/// tracker and a retried save on the same context stores them once, while a discarded context discards both.
/// One instance serves every pooled context, so whether a save wrote messages is kept on the context.
/// </remarks>
public sealed class OutboxInterceptor(TimeProvider clock, OutboxSignal signal, EventAudience audience) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeDispatcher(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeDispatcher(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        foreach (var aggregate in context.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList())
        {
            messages.AddRange(aggregate.DomainEvents.Select(e => DomainEventTypes.ToMessage(e, now, audience.IsHeard)));
            aggregate.ClearDomainEvents();
        }

        context.AddRange(messages);
        if (messages.Exists(m => m.ProcessedAt is null) && context is DtiDbContext dti)
        {
            dti.WroteOutboxMessages = true;
        }
    }

    private void WakeDispatcher(DbContext? context)
    {
        if (context is DtiDbContext { WroteOutboxMessages: true } dti)
        {
            dti.WroteOutboxMessages = false;
            signal.Notify();
        }
    }
}
