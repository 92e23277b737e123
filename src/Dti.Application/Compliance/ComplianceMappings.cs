using Dti.Domain.Agencies;
using Mapster;

namespace Dti.Application.Compliance;

/// <summary>How the compliance view names an agency: name to name. The counts beside it are computed by <see cref="ComplianceView"/>.</summary>
public sealed class ComplianceMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Agency, ComplianceAgencyDto>();
}
