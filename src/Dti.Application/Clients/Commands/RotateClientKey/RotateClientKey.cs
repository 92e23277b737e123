using Dti.Application.Clients.Authentication;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;

namespace Dti.Application.Clients.Commands.RotateClientKey;

/// <summary>Issues a new key for a client; the old key stops working at once. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record RotateClientKeyCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ClientWithKeyDto>>;

public sealed class RotateClientKeyHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config, ClientKeyCache keys) : IRequestHandler<RotateClientKeyCommand, Versioned<ClientWithKeyDto>>
{
    public async Task<Versioned<ClientWithKeyDto>> Handle(RotateClientKeyCommand request, CancellationToken cancellationToken)
    {
        var client = await db.GetClientForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var previousKeyId = client.KeyId;
        var (key, issued) = ApiKeys.Issue();
        client.RotateKey(issued, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        keys.Forget(previousKeyId);
        return new Versioned<ClientWithKeyDto>(new ClientWithKeyDto(client.Adapt<ClientDto>(config), key), client.Version);
    }
}
