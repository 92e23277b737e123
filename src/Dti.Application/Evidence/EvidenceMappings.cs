using Dti.Domain.Evidence;
using Mapster;

namespace Dti.Application.Evidence;

/// <summary>Evidence rows to what the API shows: the same names, nothing computed.</summary>
public sealed class EvidenceMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<EvidenceItem, EvidenceDto>();
}
