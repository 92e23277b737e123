using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Queries.GetClient;

/// <summary>A client with its version, for the ETag that rotating its key or revoking it needs.</summary>
public sealed record GetClientQuery(Guid Id) : IRequest<Versioned<ClientDto>>;

public sealed class GetClientHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetClientQuery, Versioned<ClientDto>>
{
    public async Task<Versioned<ClientDto>> Handle(GetClientQuery request, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Client", request.Id.ToString());
        return client.Adapt<Versioned<ClientDto>>(config);
    }
}
