using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Webhooks.Commands.RedeliverWebhook;

/// <summary>
/// Sends a delivery again at the next pass, with the same event id and body (signed afresh). <paramref name="ExpectedVersion"/>
/// is the subscription's, from If-Match: a redelivery is meant for the subscription as the client last read it.
/// </summary>
public sealed record RedeliverWebhookCommand(Guid Id, Guid DeliveryId, int? ExpectedVersion) : IRequest<Versioned<WebhookDeliveryDto>>;

public sealed class RedeliverWebhookHandler(IApplicationDbContext db, ICurrentClient client, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<RedeliverWebhookCommand, Versioned<WebhookDeliveryDto>>
{
    public async Task<Versioned<WebhookDeliveryDto>> Handle(RedeliverWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.GetWebhookForUpdateAsync(client, request.Id, request.ExpectedVersion, cancellationToken);
        var delivery = await db.WebhookDeliveries.Include(d => d.Attempts).SingleOrDefaultAsync(d => d.Id == request.DeliveryId && d.SubscriptionId == request.Id, cancellationToken)
            ?? throw new NotFoundException("WebhookDelivery", request.DeliveryId.ToString());
        delivery.Redeliver(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<WebhookDeliveryDto>(delivery.Adapt<WebhookDeliveryDto>(config), subscription.Version);
    }
}
