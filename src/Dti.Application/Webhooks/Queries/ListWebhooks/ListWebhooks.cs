using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Webhooks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Webhooks.Queries.ListWebhooks;

/// <summary>The caller's subscriptions (a coordinator's list holds every client's), oldest first.</summary>
public sealed record ListWebhooksQuery(PageRequest Paging) : IRequest<PagedList<WebhookDto>>;

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class ListWebhooksHandler(IApplicationDbContext db, ICurrentClient client, TypeAdapterConfig config) : IRequestHandler<ListWebhooksQuery, PagedList<WebhookDto>>
{
    public async Task<PagedList<WebhookDto>> Handle(ListWebhooksQuery request, CancellationToken cancellationToken)
    {
        // The page is read with its event types (owned rows), then mapped to their ordered lists.
        var query = db.WebhookSubscriptions.AsNoTracking().VisibleTo(client).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id);
        var page = await PagedList<WebhookSubscription>.CreateAsync(query, request.Paging, cancellationToken);
        return page.WithItems(page.Items.Adapt<List<WebhookDto>>(config));
    }
}
