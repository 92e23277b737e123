using Dti.Domain.Common;

namespace Dti.Domain.SelfAssessments;

/// <summary>The coordinator opened the self-assessment of <paramref name="AssessmentYear"/>.</summary>
public sealed record SelfAssessmentOpened(Guid SelfAssessmentId, int AssessmentYear) : IDomainEvent;

/// <summary>A self-assessment was frozen as snapshot <paramref name="Revision"/>, whose canonical document hashes to <paramref name="Sha256"/>.</summary>
public sealed record SelfAssessmentFinalised(Guid SelfAssessmentId, int AssessmentYear, int Revision, string Sha256) : IDomainEvent;

/// <summary>A finalised self-assessment was reopened to prepare revision <paramref name="NextRevision"/>.</summary>
public sealed record SelfAssessmentReopened(Guid SelfAssessmentId, int AssessmentYear, int NextRevision) : IDomainEvent;
