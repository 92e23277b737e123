using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Queries.ListClients;

/// <summary>Client accounts by name; revoked ones only when asked for.</summary>
public sealed record ListClientsQuery(PageRequest Paging, bool IncludeRevoked) : IRequest<PagedList<ClientDto>>;

public sealed class ListClientsValidator : AbstractValidator<ListClientsQuery>
{
    public ListClientsValidator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class ListClientsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListClientsQuery, PagedList<ClientDto>>
{
    public async Task<PagedList<ClientDto>> Handle(ListClientsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Clients.AsNoTracking();
        if (!request.IncludeRevoked)
        {
            query = query.Where(c => c.RevokedAt == null);
        }

        // The page is read with its roles and agencies (owned rows), then mapped to their ordered lists.
        var page = await PagedList<Domain.Clients.ApiClient>.CreateAsync(query.OrderBy(c => c.Name).ThenBy(c => c.Id), request.Paging, cancellationToken);
        return page.WithItems(page.Items.Adapt<List<ClientDto>>(config));
    }
}
