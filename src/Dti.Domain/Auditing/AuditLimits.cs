using Dti.Domain.Clients;

namespace Dti.Domain.Auditing;

/// <summary>Limits of audit entries, used by the domain, the validators and the EF configuration.</summary>
public static class AuditLimits
{
    /// <summary>A client's GUID, or the subject of a bearer token.</summary>
    public const int ClientIdMaxLength = 200;
    public const int ClientNameMaxLength = ClientLimits.NameMaxLength;
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 200;
    public const int RequestIdMaxLength = 100;
}
