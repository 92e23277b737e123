using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dti.Application.Common.Events;
using Dti.Domain.Common;
using MediatR;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Turns domain events into outbox rows and back. An event is stored under its class name, which is therefore
/// unique among the domain's events (checked when this class is first used) and must not change once stored.
/// </summary>
internal static class DomainEventTypes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FrozenDictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal) // throws when two events share a name
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name of every domain event that can be stored.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The MediatR handler type of the notification published for the event named <paramref name="name"/>.</summary>
    public static Type HandlerType(string name) =>
        typeof(INotificationHandler<>).MakeGenericType(typeof(DomainEventNotification<>).MakeGenericType(ByName[name]));

    /// <summary>The outbox row of an event; already processed when <paramref name="isHeard"/> says no handler consumes its type.</summary>
    public static OutboxMessage ToMessage(IDomainEvent domainEvent, DateTimeOffset now, Func<string, bool> isHeard)
    {
        var type = domainEvent.GetType().Name;
        var payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);
        return isHeard(type) ? OutboxMessage.Create(type, payload, now) : OutboxMessage.CreateProcessed(type, payload, now);
    }

    /// <summary>The <see cref="DomainEventNotification{TEvent}"/> MediatR publishes for a stored message.</summary>
    /// <exception cref="InvalidOperationException">The type name is unknown or the payload does not read back.</exception>
    public static INotification ToNotification(OutboxMessage message)
    {
        if (!ByName.TryGetValue(message.Type, out var type))
        {
            throw new InvalidOperationException($"No domain event is named '{message.Type}'.");
        }

        var domainEvent = JsonSerializer.Deserialize(message.Payload, type, Json)
            ?? throw new InvalidOperationException($"The payload of {message.Type} {message.Id} is empty.");
        return (INotification)Activator.CreateInstance(
            typeof(DomainEventNotification<>).MakeGenericType(type), message.Id, message.OccurredAt, domainEvent)!;
    }
}
