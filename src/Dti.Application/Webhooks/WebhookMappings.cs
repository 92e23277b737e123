using Dti.Application.Common.Mapping;
using Dti.Domain.Webhooks;
using Mapster;

namespace Dti.Application.Webhooks;

/// <summary>
/// How subscriptions and deliveries become DTOs: never the secret. Event types and attempts are child rows, so both
/// are mapped once read rather than projected.
/// </summary>
public sealed class WebhookMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WebhookSubscription, WebhookDto>();
        config.NewVersionedConfig<WebhookSubscription, WebhookDto>();
        config.NewConfig<WebhookAttempt, WebhookAttemptDto>();
        config.NewConfig<WebhookDelivery, WebhookDeliveryDto>()
            .Map(d => d.Status, s => s.DeliveredAt != null ? WebhookDeliveryStatus.Delivered : s.GaveUpAt != null ? WebhookDeliveryStatus.GaveUp : WebhookDeliveryStatus.Pending)
            .Map(d => d.NextAttemptAt, s => s.DeliveredAt == null && s.GaveUpAt == null ? s.NextAttemptAt : (DateTimeOffset?)null)
            .Map(d => d.Attempts, s => s.Attempts.OrderBy(a => a.Number).TakeLast(WebhookLimits.AttemptsShown));
    }
}
