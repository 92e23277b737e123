using Dti.Domain.Common;

namespace Dti.Domain.Webhooks;

/// <summary>
/// One event to be posted to one subscription, with every attempt made. There is at most one per subscription and
/// event (the outbox may publish an event twice), and its <see cref="EventId"/> — the outbox message's id — is the
/// id the receiver sees on every attempt and redelivery. Changed only by the dispatcher and by a redelivery request.
/// </summary>
public sealed class WebhookDelivery
{
    private readonly List<WebhookAttempt> _attempts = [];

    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The event's id (<c>Dti-Webhook-Id</c>), the same on every attempt.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = null!;

    /// <summary>The JSON body posted, fixed when the event was fanned out.</summary>
    public string Body { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the next attempt may be made: the end of the back-off, or of the claim while an instance holds it.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The claim of the pass that last took the delivery.</summary>
    public string? ClaimedBy { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Set when the attempts ran out or the subscription was disabled; a redelivery clears it.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }

    public IReadOnlyCollection<WebhookAttempt> Attempts => _attempts;

    public static WebhookDelivery Create(Guid subscriptionId, Guid eventId, string eventType, string body, DateTimeOffset now) => new()
    {
        Id = Identifiers.NewVersion7(),
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = eventType,
        Body = body,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>Sends the delivery again from the next pass, whatever became of it (the receiver lost it, or it was given up).</summary>
    public void Redeliver(DateTimeOffset now)
    {
        NextAttemptAt = now;
        DeliveredAt = null;
        GaveUpAt = null;
        ClaimedBy = null;
    }
}

/// <summary>One try to post a delivery: when, how it ended and how long it took.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public WebhookAttempt(Guid deliveryId, int number, DateTimeOffset at, int? statusCode, long durationMs, string? error)
    {
        Id = Identifiers.NewVersion7();
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        DurationMs = durationMs;
        Error = error is null ? null : error[..Math.Min(error.Length, WebhookLimits.ErrorMaxLength)];
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    /// <summary>1 for the first attempt; counts on across redeliveries.</summary>
    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The receiver's status code; null when no response came (timeout, refused connection).</summary>
    public int? StatusCode { get; private set; }

    public long DurationMs { get; private set; }

    public string? Error { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
