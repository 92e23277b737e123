using Dti.Application.Common.Mapping;
using Dti.Domain.Assignments;
using Mapster;

namespace Dti.Application.Assignments;

/// <summary>
/// How assignments become DTOs. Cooperators are listed by id, in .NET's order of ids (the same whatever the
/// database), which is why assignments are mapped once loaded with their cooperators rather than projected.
/// </summary>
public sealed class AssignmentMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<IndexAssignment, AssignmentDto>()
            .Map(d => d.CooperatingAgencyIds, s => s.CooperatorIds().Order());
        config.NewVersionedConfig<IndexAssignment, AssignmentDto>();
        config.NewConfig<AssignmentHolderChange, HolderChangeDto>();
    }
}
