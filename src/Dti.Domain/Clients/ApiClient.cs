using Dti.Domain.Common;

namespace Dti.Domain.Clients;

/// <summary>
/// A calling system with its roles, the agencies it acts for and one API key. Only a hash of the key is kept;
/// the key itself is shown once, when it is issued. A revoked or expired client can no longer authenticate.
/// </summary>
public sealed class ApiClient
{
    private readonly List<ClientRoleGrant> _roleGrants = [];
    private readonly List<ClientAgency> _agencies = [];

    private ApiClient()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = null!;

    public string? Contact { get; private set; }

    /// <summary>One row per role, so "clients with role R" is a plain query.</summary>
    public IReadOnlyCollection<ClientRoleGrant> RoleGrants => _roleGrants;

    /// <summary>One row per agency the client acts for, so "clients acting for agency A" is a plain query.</summary>
    public IReadOnlyCollection<ClientAgency> Agencies => _agencies;

    /// <summary>The client's roles, in the order of <see cref="ClientRole"/>.</summary>
    public IReadOnlyList<ClientRole> Roles => [.. _roleGrants.OrderBy(r => r.Position).Select(r => r.Role)];

    /// <summary>The agencies this client acts for (ids of agencies; an AgencyReporter writes only their data), in the order given.</summary>
    public IReadOnlyList<Guid> AgencyIds => [.. _agencies.OrderBy(a => a.Position).Select(a => a.AgencyId)];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the key stops working; null means it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? KeyIssuedAt { get; private set; }

    /// <summary>The public, non-secret part of the current key; it finds the client.</summary>
    public string KeyId { get; private set; } = null!;

    /// <summary>SHA-256 of the current key's secret part.</summary>
    public string KeyHash { get; private set; } = null!;

    /// <summary>Moves on with each rotation and with revocation; the API shows it as the ETag that If-Match names.</summary>
    public int Version { get; private set; }

    public static ApiClient Register(
        string name, string? contact, IEnumerable<ClientRole> roles, IEnumerable<Guid> agencyIds, DateTimeOffset? expiresAt, IssuedKey key, DateTimeOffset now)
    {
        var roleList = roles.Distinct().Order().ToArray();
        var agencyList = agencyIds.Distinct().ToArray();
        if (roleList.Length == 0)
        {
            throw new DomainException("client.role-required", "A client needs at least one role.", "roles");
        }

        if (roleList.Any(r => !Enum.IsDefined(r)))
        {
            throw new DomainException("client.role-unknown", $"Roles must be among: {string.Join(", ", Enum.GetNames<ClientRole>())}.", "roles");
        }

        if (agencyList.Length > ClientLimits.MaxAgencies)
        {
            throw new DomainException("client.too-many-agencies", $"A client acts for at most {ClientLimits.MaxAgencies} agencies.", "agencyIds");
        }

        if (roleList.Contains(ClientRole.AgencyReporter) && agencyList.Length == 0)
        {
            throw new DomainException("client.agency-required", "An AgencyReporter client must act for at least one agency.", "agencyIds");
        }

        if (expiresAt is not null && expiresAt <= now)
        {
            throw new DomainException("client.expiry-past", "'expiresAt' must be in the future.", "expiresAt");
        }

        var client = new ApiClient
        {
            Id = Identifiers.NewVersion7(),
            Name = Guard.Text(name, "name", ClientLimits.NameMaxLength),
            Contact = Guard.OptionalText(contact, "contact", ClientLimits.ContactMaxLength),
            CreatedAt = now,
            ExpiresAt = expiresAt,
            Version = 1,
        };
        client._roleGrants.AddRange(roleList.Select((role, position) => new ClientRoleGrant(role, position)));
        client._agencies.AddRange(agencyList.Select((agency, position) => new ClientAgency(agency, position)));
        client.UseKey(key, now);
        return client;
    }

    public bool IsActive(DateTimeOffset now) => IsActive(RevokedAt, ExpiresAt, now);

    /// <summary>Whether a client revoked and expiring at these instants (null: never) may call at <paramref name="now"/>.</summary>
    public static bool IsActive(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revokedAt is null && (expiresAt is null || expiresAt > now);

    /// <summary>Replaces the key: the previous one stops working at once.</summary>
    public void RotateKey(IssuedKey key, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw DomainException.Conflict("client.revoked", $"Client '{Name}' is revoked; a revoked client gets no new key.");
        }

        UseKey(key, now);
        Version++;
    }

    /// <summary>Revokes the client: its key stops working from the next request. Revoking twice changes nothing.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            Version++;
        }
    }

    private void UseKey(IssuedKey key, DateTimeOffset now)
    {
        if (key.KeyId.Length != ClientLimits.KeyIdLength || key.Hash.Length != ClientLimits.KeyHashLength)
        {
            throw new DomainException("client.key-format", "An issued key has a 16-character id and a 64-character SHA-256 hash.");
        }

        KeyId = key.KeyId;
        KeyHash = key.Hash;
        KeyIssuedAt = now;
    }
}

/// <summary>A role of a client; <see cref="Position"/> keeps the list's order.</summary>
public sealed class ClientRoleGrant
{
    private ClientRoleGrant()
    {
    }

    internal ClientRoleGrant(ClientRole role, int position)
    {
        Role = role;
        Position = position;
    }

    public ClientRole Role { get; private set; }

    public int Position { get; private set; }
}

/// <summary>An agency a client acts for; <see cref="Position"/> keeps the list's order.</summary>
public sealed class ClientAgency
{
    private ClientAgency()
    {
    }

    internal ClientAgency(Guid agencyId, int position)
    {
        AgencyId = agencyId;
        Position = position;
    }

    public Guid AgencyId { get; private set; }

    public int Position { get; private set; }
}

/// <summary>What the domain keeps of an issued key: its public id and the hash of its secret.</summary>
public sealed record IssuedKey(string KeyId, string Hash);
