using Dti.Application.Clients.Authentication;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;

namespace Dti.Application.Clients.Commands.RevokeClient;

/// <summary>Revokes a client: its key is refused from the next request on. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record RevokeClientCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ClientDto>>;

public sealed class RevokeClientHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config, ClientKeyCache keys) : IRequestHandler<RevokeClientCommand, Versioned<ClientDto>>
{
    public async Task<Versioned<ClientDto>> Handle(RevokeClientCommand request, CancellationToken cancellationToken)
    {
        var client = await db.GetClientForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        keys.Forget(client.KeyId);
        return client.Adapt<Versioned<ClientDto>>(config);
    }
}
