using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Domain.Auditing;
using Dti.Domain.Clients;
using MediatR;

namespace Dti.Application.Clients.Queries.GetCurrentClient;

/// <summary>Who the API takes the caller for: lets a client check its key, roles and agencies.</summary>
public sealed record GetCurrentClientQuery : IRequest<CurrentClientDto>;

public sealed record CurrentClientDto(
    [property: MaxLength(AuditLimits.ClientIdMaxLength), RegularExpression(TextRules.SingleLinePattern)] string ClientId,
    [property: MaxLength(AuditLimits.ClientNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string Name,
    [property: MaxLength(ClientLimits.MaxRoles)] IReadOnlyCollection<ClientRole> Roles,
    [property: MaxLength(ClientLimits.MaxAgencies)] IReadOnlyCollection<Guid> AgencyIds);

/// <remarks>Only authenticated callers get here (policy <c>Authenticated</c>), and every credential names its client.</remarks>
public sealed class GetCurrentClientHandler(ICurrentClient client) : IRequestHandler<GetCurrentClientQuery, CurrentClientDto>
{
    public Task<CurrentClientDto> Handle(GetCurrentClientQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new CurrentClientDto(
            client.ClientId ?? throw new InvalidOperationException("An authenticated caller has a client id."),
            client.Name ?? throw new InvalidOperationException("An authenticated caller has a name."),
            client.Roles,
            client.AgencyIds));
}
