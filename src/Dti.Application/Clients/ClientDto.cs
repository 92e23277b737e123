using System.ComponentModel.DataAnnotations;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Clients;

namespace Dti.Application.Clients;

/// <summary>A client account as the API shows it: never the key, only its public prefix.</summary>
[LimitsOf(typeof(CreateClientInput))]
public sealed record ClientDto(
    Guid Id,
    string Name,
    string? Contact,
    IReadOnlyList<ClientRole> Roles,
    IReadOnlyList<Guid> AgencyIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    [property: MaxLength(ApiKeys.MaxLength), RegularExpression(ApiKeys.DisplayPrefixPattern)] string KeyPrefix,
    DateTimeOffset? KeyIssuedAt);

/// <summary>A client together with its new API key. The key is shown this once and cannot be read again.</summary>
public sealed record ClientWithKeyDto(ClientDto Client, [property: MaxLength(ApiKeys.MaxLength), RegularExpression(ApiKeys.Pattern)] string ApiKey)
{
    public override string ToString() => $"ClientWithKeyDto {{ Client = {Client.Id}, ApiKey = *** }}";
}
