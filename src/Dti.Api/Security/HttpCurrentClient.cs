using System.Diagnostics;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Clients;

namespace Dti.Api.Security;

/// <summary>The caller of the current HTTP request, read from its claims; nobody outside a request.</summary>
internal sealed class HttpCurrentClient(IHttpContextAccessor accessor) : ICurrentClient
{
    private HttpContext? Http => accessor.HttpContext;

    public bool IsAuthenticated => Http?.User.Identity?.IsAuthenticated == true;

    public string? ClientId => IsAuthenticated ? Http!.User.FindFirst(ClientClaims.ClientId)?.Value : null;

    public string? Name => IsAuthenticated ? Http!.User.FindFirst(ClientClaims.Name)?.Value : null;

    public IReadOnlyCollection<ClientRole> Roles => IsAuthenticated
        ? [.. Http!.User.FindAll(ClientClaims.Role).Select(c => Enum.TryParse<ClientRole>(c.Value, out var role) ? role : (ClientRole?)null).OfType<ClientRole>()]
        : [];

    public IReadOnlyCollection<Guid> AgencyIds => IsAuthenticated
        ? [.. Http!.User.FindAll(ClientClaims.AgencyId).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)]
        : [];

    public bool IsCoordinator => Roles.Contains(ClientRole.Coordinator);

    public string? RequestId => Http is null ? null : Activity.Current?.Id ?? Http.TraceIdentifier;
}
