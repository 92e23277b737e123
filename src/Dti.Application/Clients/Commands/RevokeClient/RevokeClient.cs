using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Commands.RevokeClient;

/// <summary>Revokes a client: its key is refused from the next request on.</summary>
public sealed record RevokeClientCommand(Guid Id) : IRequest<ClientDto>;

public sealed class RevokeClientHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RevokeClientCommand, ClientDto>
{
    public async Task<ClientDto> Handle(RevokeClientCommand request, CancellationToken cancellationToken)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Client", request.Id.ToString());
        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ClientDto.From(client);
    }
}
