using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Webhooks.Commands.UpdateWebhook;
using Dti.Domain.Auditing;
using Dti.Domain.Webhooks;

namespace Dti.Application.Webhooks;

/// <summary>A subscription as its client sees it: never the secret. A disabled one says why.</summary>
[LimitsOf(typeof(UpdateWebhookInput))]
public sealed record WebhookDto(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    bool Active,
    [property: MaxLength(AuditLimits.ClientIdMaxLength), RegularExpression(TextRules.SingleLinePattern)] string ClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset SecretIssuedAt,
    [property: Range(0, int.MaxValue)] int ConsecutiveFailures,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? DisabledAt,
    [property: MaxLength(WebhookLimits.ReasonMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? DisabledReason);

/// <summary>A subscription with its new secret, shown this once: deliveries are signed with it (docs/webhooks.md).</summary>
public sealed record WebhookWithSecretDto(
    WebhookDto Webhook,
    [property: MaxLength(WebhookLimits.SecretLength), RegularExpression(WebhookSecrets.Pattern)] string Secret)
{
    public override string ToString() => $"WebhookWithSecretDto {{ Webhook = {Webhook.Id}, Secret = *** }}";
}

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>The attempts ran out or the subscription was disabled; a redelivery sends it again.</summary>
    GaveUp,
}

/// <summary>One event sent (or being sent) to a subscription, with its latest attempts (at most <see cref="WebhookLimits.AttemptsShown"/>), newest last.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EventId,
    [property: MaxLength(WebhookLimits.EventTypeMaxLength), RegularExpression(TextRules.SingleLinePattern)] string EventType,
    WebhookDeliveryStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? GaveUpAt,
    [property: Range(0, int.MaxValue)] int AttemptCount,
    [property: MaxLength(WebhookLimits.AttemptsShown)] IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>One attempt: its number, when, the receiver's status code (none when no response came), how long, and what went wrong.</summary>
public sealed record WebhookAttemptDto(
    [property: Range(1, int.MaxValue)] int Number,
    DateTimeOffset At,
    [property: Range(100, 599)] int? StatusCode,
    [property: Range(0, int.MaxValue)] long DurationMs,
    [property: MaxLength(WebhookLimits.ErrorMaxLength)] string? Error);
