using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Commands.RotateClientKey;

/// <summary>Issues a new key for a client; the old key stops working at once.</summary>
public sealed record RotateClientKeyCommand(Guid Id) : IRequest<ClientWithKeyDto>;

public sealed class RotateClientKeyHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RotateClientKeyCommand, ClientWithKeyDto>
{
    public async Task<ClientWithKeyDto> Handle(RotateClientKeyCommand request, CancellationToken cancellationToken)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Client", request.Id.ToString());
        var (key, issued) = ApiKeys.Issue();
        client.RotateKey(issued, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ClientWithKeyDto(ClientDto.From(client), key);
    }
}
