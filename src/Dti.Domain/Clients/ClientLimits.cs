namespace Dti.Domain.Clients;

/// <summary>Limits of client accounts, used by the domain guards, the validators and the EF configuration.</summary>
public static class ClientLimits
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;

    /// <summary>Every role once: a client's roles are distinct and defined (<see cref="ClientRole"/> has four).</summary>
    public const int MaxRoles = 4;

    /// <summary>The agencies one client acts for.</summary>
    public const int MaxAgencies = 20;

    /// <summary>The public part of a key, used to find the client: 16 lower-case hex characters.</summary>
    public const int KeyIdLength = 16;

    /// <summary>SHA-256 of the key's secret part, as 64 lower-case hex characters.</summary>
    public const int KeyHashLength = 64;
}
