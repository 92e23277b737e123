using Dti.Application.Common.Mapping;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using Mapster;

namespace Dti.Application.SelfAssessments;

/// <summary>How scores, snapshots and pulls become DTOs (fields of the same name map by themselves).</summary>
public sealed class SelfAssessmentMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<DtiScore, DtiScoreDto>();
        config.NewConfig<MainIndexScore, MainIndexScoreDto>();
        config.NewConfig<PillarScore, PillarScoreDto>();
        config.NewConfig<SelfAssessmentSnapshot, SnapshotSummaryDto>();
        config.NewConfig<SnapshotPull, SnapshotPullDto>();
        config.NewConfig<SelfAssessmentOverride, IndexOverrideDto>();
        config.NewConfig<CitedEvidence, EvidenceReferenceDto>();
        config.NewConfig<MinistryFigure, MinistryFigureDto>().Map(d => d.Code, s => s.IndexCode);
        config.NewConfig<MinistryFigureSet, MinistryFiguresDto>()
            .Map(d => d.Figures, s => s.Figures.OrderBy(f => f.IndexCode, IndexCodeOrder.Instance).ToList());
        config.NewVersionedConfig<MinistryFigureSet, MinistryFiguresDto>();
        config.NewConfig<MinistryFigureSet, MinistryFiguresSourceDto>();
    }
}
