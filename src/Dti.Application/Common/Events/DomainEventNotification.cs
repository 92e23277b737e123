using Dti.Domain.Common;
using MediatR;

namespace Dti.Application.Common.Events;

/// <summary>
/// A domain event as MediatR publishes it, after the change that raised it was committed. Handle one with
/// <c>INotificationHandler&lt;DomainEventNotification&lt;PlanIssued&gt;&gt;</c>; handlers are found by assembly scan.
/// </summary>
/// <remarks>
/// Delivery is at least once: a handler that fails, or an instance that stops mid-way, means the event is
/// published again later, to every handler of its type. Handlers must therefore be idempotent;
/// <paramref name="MessageId"/> identifies the event across deliveries.
/// </remarks>
/// <param name="MessageId">The outbox message the event was stored as; the same on every delivery.</param>
/// <param name="OccurredAt">When the change that raised it was saved.</param>
/// <param name="Event">The event.</param>
public sealed record DomainEventNotification<TEvent>(Guid MessageId, DateTimeOffset OccurredAt, TEvent Event) : INotification
    where TEvent : IDomainEvent;
