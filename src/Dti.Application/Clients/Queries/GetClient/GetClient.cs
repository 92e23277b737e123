using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Queries.GetClient;

public sealed record GetClientQuery(Guid Id) : IRequest<ClientDto>;

public sealed class GetClientHandler(IApplicationDbContext db) : IRequestHandler<GetClientQuery, ClientDto>
{
    public async Task<ClientDto> Handle(GetClientQuery request, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Client", request.Id.ToString());
        return ClientDto.From(client);
    }
}
