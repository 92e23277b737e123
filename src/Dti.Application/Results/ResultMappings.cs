using Dti.Domain.Results;
using Mapster;

namespace Dti.Application.Results;

/// <summary>How official figures and province units become DTOs; tables, histories and what-ifs are composed by their queries.</summary>
public sealed class ResultMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<OfficialFigure, OfficialFigureDto>();
        config.NewConfig<UnitWithPredecessors, ProvinceUnitDto>()
            .Map(d => d, s => s.Unit)
            .Map(d => d.PredecessorCodes, s => s.PredecessorCodes);
    }
}

/// <summary>A unit with the codes of the units that merged into it: what a <see cref="ProvinceUnitDto"/> shows.</summary>
public sealed record UnitWithPredecessors(ProvinceUnit Unit, IReadOnlyList<string> PredecessorCodes);
