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
    }
}
