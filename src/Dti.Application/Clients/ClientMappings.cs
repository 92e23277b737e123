using Dti.Application.Common.Mapping;
using Dti.Application.Common.Security;
using Dti.Domain.Clients;
using Mapster;

namespace Dti.Application.Clients;

/// <summary>
/// How client accounts become DTOs: never the key or its hash, only the key's public prefix. Roles and agency ids are
/// owned rows kept in their given order, so clients are mapped once read rather than projected.
/// </summary>
public sealed class ClientMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ApiClient, ClientDto>()
            .Map(d => d.KeyPrefix, s => ApiKeys.DisplayPrefix(s.KeyId));
        config.NewVersionedConfig<ApiClient, ClientDto>();
    }
}
