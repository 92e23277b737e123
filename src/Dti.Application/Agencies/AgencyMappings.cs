using Dti.Application.Common.Mapping;
using Dti.Domain.Agencies;
using Mapster;

namespace Dti.Application.Agencies;

/// <summary>How agencies become DTOs: every field name to name.</summary>
public sealed class AgencyMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Agency, AgencyDto>();
        config.NewVersionedConfig<Agency, AgencyDto>();
    }
}
