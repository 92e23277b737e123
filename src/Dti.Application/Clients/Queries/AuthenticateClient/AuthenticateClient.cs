using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Clients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Queries.AuthenticateClient;

/// <summary>
/// Finds the active client a presented API key belongs to, or null. Unknown, wrong, revoked and expired keys
/// all answer null, so callers cannot tell them apart. Read from the database on every request: a rotation or
/// revocation takes effect on the next request.
/// </summary>
public sealed record AuthenticateClientQuery(string ApiKey) : IRequest<AuthenticatedClient?>
{
    public override string ToString() => "AuthenticateClientQuery { ApiKey = *** }";
}

public sealed record AuthenticatedClient(Guid Id, string Name, IReadOnlyList<ClientRole> Roles, IReadOnlyList<Guid> AgencyIds);

public sealed class AuthenticateClientHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<AuthenticateClientQuery, AuthenticatedClient?>
{
    /// <summary>Last-used times are kept to this precision, so a busy client does not write on every request.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Hashed when the key id is unknown, so unknown and wrong keys take the same work.</summary>
    private static readonly string UnknownKeyHash = ApiKeys.Hash("unknown");

    public async Task<AuthenticatedClient?> Handle(AuthenticateClientQuery request, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(request.ApiKey, out var keyId, out var secret))
        {
            return null;
        }

        // Every request comes here: one round trip brings the client with its roles and agencies (joined, at most
        // MaxRoles × MaxAgencies rows), instead of a command per list.
        var client = await db.Clients.AsNoTracking().AsSingleQuery().SingleOrDefaultAsync(c => c.KeyId == keyId, cancellationToken);
        var matches = ApiKeys.Matches(secret, client?.KeyHash ?? UnknownKeyHash);
        var now = clock.GetUtcNow();
        if (client is null || !matches || !client.IsActive(now))
        {
            return null;
        }

        if (client.LastUsedAt is null || now - client.LastUsedAt >= LastUsedPrecision)
        {
            // A bookkeeping write outside the change tracker: not a change a client made, so not audited.
            await db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), cancellationToken);
        }

        return new AuthenticatedClient(client.Id, client.Name, client.Roles, client.AgencyIds);
    }
}
