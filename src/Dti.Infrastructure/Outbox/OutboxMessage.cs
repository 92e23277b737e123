using Dti.Domain.Common;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// A domain event stored in the same transaction as the change that raised it, until the dispatcher has
/// published it. Rows are written by <see cref="OutboxInterceptor"/> and changed only by <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class OutboxMessage
{
    public const int TypeMaxLength = 200;
    public const int ClaimedByMaxLength = 200;
    public const int LastErrorMaxLength = 2000;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The event's type name, e.g. <c>OfficialScheduleReplaced</c> (see <see cref="DomainEventTypes"/>).</summary>
    public string Type { get; private set; } = null!;

    /// <summary>The event as JSON.</summary>
    public string Payload { get; private set; } = null!;

    /// <summary>When the change that raised the event was saved.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>
    /// When the message may next be taken: at once when written; while claimed, the end of the claim (so the
    /// message returns if its instance stops); after a failure, the end of the back-off.
    /// </summary>
    public DateTimeOffset AvailableAt { get; private set; }

    /// <summary>Set once every handler has handled the event; when stored, for an event no handler consumes.</summary>
    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>How many times the message was taken; counted when taken, so an instance that dies mid-way still counts.</summary>
    public int Attempts { get; private set; }

    /// <summary>The claim that last took the message: host, process id and a per-pass id.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>The last handler failure (exception type and message).</summary>
    public string? LastError { get; private set; }

    public static OutboxMessage Create(string type, string payload, DateTimeOffset now) => new()
    {
        Id = Identifiers.NewVersion7(),
        Type = type,
        Payload = payload,
        OccurredAt = now,
        AvailableAt = now,
    };

    /// <summary>A message of an event no handler consumes: stored for the record, never taken (<see cref="Attempts"/> 0, no claim).</summary>
    public static OutboxMessage CreateProcessed(string type, string payload, DateTimeOffset now)
    {
        var message = Create(type, payload, now);
        message.ProcessedAt = now;
        return message;
    }
}
