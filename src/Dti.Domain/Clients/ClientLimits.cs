namespace Dti.Domain.Clients;

/// <summary>Limits of client accounts, used by the domain guards, the validators and the EF configuration.</summary>
public static class ClientLimits
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;
    public const int MaxRoles = 4;
    public const int MaxAgencies = 20;

    /// <summary>The public part of a key, used to find the client: 16 lower-case hex characters.</summary>
    public const int KeyIdLength = 16;

    /// <summary>SHA-256 of the key's secret part, as 64 lower-case hex characters.</summary>
    public const int KeyHashLength = 64;

    /// <summary>Roles stored as comma-separated names: room for every role once.</summary>
    public const int RolesMaxLength = 100;

    /// <summary>Agency ids stored as comma-separated GUIDs (36 characters and a comma each).</summary>
    public const int AgencyIdsMaxLength = MaxAgencies * 37;
}
