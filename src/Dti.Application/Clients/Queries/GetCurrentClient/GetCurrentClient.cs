using Dti.Application.Common.Interfaces;
using Dti.Domain.Clients;
using MediatR;

namespace Dti.Application.Clients.Queries.GetCurrentClient;

/// <summary>Who the API takes the caller for: lets a client check its key, roles and agencies.</summary>
public sealed record GetCurrentClientQuery : IRequest<CurrentClientDto>;

public sealed record CurrentClientDto(string? ClientId, string? Name, IReadOnlyCollection<ClientRole> Roles, IReadOnlyCollection<Guid> AgencyIds);

public sealed class GetCurrentClientHandler(ICurrentClient client) : IRequestHandler<GetCurrentClientQuery, CurrentClientDto>
{
    public Task<CurrentClientDto> Handle(GetCurrentClientQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new CurrentClientDto(client.ClientId, client.Name, client.Roles, client.AgencyIds));
}
