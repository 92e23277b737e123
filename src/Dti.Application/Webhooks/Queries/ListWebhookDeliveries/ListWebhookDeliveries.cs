using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Webhooks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>A subscription's delivery log, newest first, each delivery with its attempts.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid Id, PageRequest Paging) : IRequest<PagedList<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class ListWebhookDeliveriesHandler(IApplicationDbContext db, ICurrentClient client, TypeAdapterConfig config)
    : IRequestHandler<ListWebhookDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async Task<PagedList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        await db.GetVisibleWebhookAsync(client, request.Id, cancellationToken);
        var query = db.WebhookDeliveries.AsNoTracking().Include(d => d.Attempts)
            .Where(d => d.SubscriptionId == request.Id).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id);
        var page = await PagedList<WebhookDelivery>.CreateAsync(query, request.Paging, cancellationToken);
        return page.WithItems(page.Items.Adapt<List<WebhookDeliveryDto>>(config));
    }
}
