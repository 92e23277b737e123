using System.Security.Claims;
using Dti.Domain.Clients;

namespace Dti.Api.Security;

/// <summary>
/// Maps a validated bearer token to the API's claims: <c>sub</c> (or <c>client_id</c>) → client id, <c>name</c> → name,
/// <c>roles</c>/<c>role</c> → roles (only the API's role names count), <c>agency_id</c> → agencies (GUIDs).
/// </summary>
internal static class JwtClaims
{
    public const string Scheme = "Bearer";

    public static ClaimsPrincipal Map(ClaimsPrincipal token)
    {
        string? First(params string[] types) => types.Select(t => token.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var clientId = First("sub", "client_id", "azp", ClaimTypes.NameIdentifier) ?? "unknown";
        var name = First("name", "preferred_username", "client_id", ClaimTypes.Name) ?? clientId;
        var roles = token.Claims
            .Where(c => c.Type is "roles" or "role" or ClaimTypes.Role)
            .Select(c => Enum.TryParse<ClientRole>(c.Value, ignoreCase: false, out var role) && Enum.IsDefined(role) ? role.ToString() : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        var agencies = token.Claims
            .Where(c => c.Type == ClientClaims.AgencyId)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct();
        return new ClaimsPrincipal(ClientClaims.Identity(Scheme, clientId, name, roles, agencies));
    }
}
