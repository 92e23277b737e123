using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;

namespace Dti.Application.Webhooks.Queries.GetWebhook;

/// <summary>A subscription with its version, for the ETag its changes need; another client's answers 404.</summary>
public sealed record GetWebhookQuery(Guid Id) : IRequest<Versioned<WebhookDto>>;

public sealed class GetWebhookHandler(IApplicationDbContext db, ICurrentClient client, TypeAdapterConfig config) : IRequestHandler<GetWebhookQuery, Versioned<WebhookDto>>
{
    public async Task<Versioned<WebhookDto>> Handle(GetWebhookQuery request, CancellationToken cancellationToken) =>
        (await db.GetVisibleWebhookAsync(client, request.Id, cancellationToken)).Adapt<Versioned<WebhookDto>>(config);
}
