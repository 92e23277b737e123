using Dti.Domain.Clients;

namespace Dti.Application.Common.Interfaces;

/// <summary>
/// Who is calling in the current request (an API-key client or a bearer-token subject). Outside a request
/// (start-up, the command line) nobody is authenticated and writes are recorded as the application's own.
/// </summary>
public interface ICurrentClient
{
    bool IsAuthenticated { get; }

    /// <summary>The client's id (a GUID for API-key clients, the token subject for bearer tokens).</summary>
    string? ClientId { get; }

    string? Name { get; }

    IReadOnlyCollection<ClientRole> Roles { get; }

    IReadOnlyCollection<Guid> AgencyIds { get; }

    bool IsCoordinator { get; }

    /// <summary>The request's trace id, as in problem details (<c>traceId</c>).</summary>
    string? RequestId { get; }
}
