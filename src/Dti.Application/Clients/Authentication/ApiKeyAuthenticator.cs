using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients.Authentication;

public sealed record AuthenticatedClient(Guid Id, string Name, IReadOnlyList<ClientRole> Roles, IReadOnlyList<Guid> AgencyIds);

/// <summary>
/// Finds the active client a presented API key belongs to, or null. Unknown, wrong, revoked and expired keys all answer
/// null, so callers cannot tell them apart. Runs on every request, so it is no MediatR request of its own (the pipeline's
/// logging and scope checks have nothing to do here) and reads only the columns it needs, through <see cref="ClientKeyCache"/>.
/// </summary>
public sealed class ApiKeyAuthenticator(IApplicationDbContext db, ClientKeyCache cache, TimeProvider clock)
{
    /// <summary>Last-used times are kept to this precision, so a busy client does not write on every request.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Hashed when the key id is unknown, so unknown and wrong keys take the same work.</summary>
    private static readonly string UnknownKeyHash = ApiKeys.Hash("unknown");

    public async Task<AuthenticatedClient?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(apiKey, out var keyId, out var secret))
        {
            return null;
        }

        var stored = cache.Find(keyId) ?? await ReadAsync(keyId, cancellationToken);
        var matches = ApiKeys.Matches(secret, stored?.KeyHash ?? UnknownKeyHash);
        var now = clock.GetUtcNow();
        if (stored is null || !matches || !ApiClient.IsActive(stored.RevokedAt, stored.ExpiresAt, now))
        {
            return null;
        }

        if (stored.LastUsedAt is null || now - stored.LastUsedAt >= LastUsedPrecision)
        {
            // A bookkeeping write outside the change tracker: not a change a client made, so not audited.
            await db.Clients.Where(c => c.Id == stored.ClientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), cancellationToken);
            cache.Used(keyId, now);
        }

        return new AuthenticatedClient(stored.ClientId, stored.Name, stored.Roles, stored.AgencyIds);
    }

    /// <summary>One round trip: the client's key columns with its roles and agencies joined (at most MaxRoles × MaxAgencies rows).</summary>
    private async Task<StoredKey?> ReadAsync(string keyId, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var stored = await db.Clients.AsNoTracking().AsSingleQuery()
            .Where(c => c.KeyId == keyId)
            .Select(c => new StoredKey(
                c.Id, c.Name, c.KeyHash, c.RevokedAt, c.ExpiresAt, c.LastUsedAt,
                c.RoleGrants.OrderBy(r => r.Position).Select(r => r.Role).ToList(),
                c.Agencies.OrderBy(a => a.Position).Select(a => a.AgencyId).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            cache.Keep(keyId, stored, generation);
        }

        return stored;
    }
}
