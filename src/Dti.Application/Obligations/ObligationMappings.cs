using Dti.Domain.Agencies;
using Dti.Domain.Deadlines;
using Mapster;

namespace Dti.Application.Obligations;

/// <summary>
/// How an obligation names its agency and rule: name to name. The plan comes from the row the schedule reads for its
/// periods, and the obligation itself is computed (occurrence × holder × status as of now), so neither is mapped here.
/// </summary>
public sealed class ObligationMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Agency, ObligationAgencyDto>();
        config.NewConfig<DeadlineRuleDefinition, ObligationRuleDto>();
    }
}
