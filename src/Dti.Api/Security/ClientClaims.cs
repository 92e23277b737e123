using System.Security.Claims;

namespace Dti.Api.Security;

/// <summary>The claims every authenticated caller carries, whatever the scheme: id, name, roles and agencies.</summary>
internal static class ClientClaims
{
    public const string ClientId = ClaimTypes.NameIdentifier;
    public const string Name = ClaimTypes.Name;
    public const string Role = ClaimTypes.Role;
    public const string AgencyId = "agency_id";

    public static ClaimsIdentity Identity(string authenticationType, string clientId, string name, IEnumerable<string> roles, IEnumerable<Guid> agencyIds) =>
        new(
            [
                new Claim(ClientId, clientId),
                new Claim(Name, name),
                .. roles.Select(r => new Claim(Role, r)),
                .. agencyIds.Select(a => new Claim(AgencyId, a.ToString())),
            ],
            authenticationType,
            Name,
            Role);
}
