using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Evidence;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;

namespace Dti.Application.SelfAssessments;

/// <summary>The ministry's numbers imported for a snapshot revision.</summary>
/// <param name="AssessmentYear">The year.</param>
/// <param name="Revision">The snapshot revision they are compared with.</param>
/// <param name="Source">Where they come from (the ministry's decision).</param>
/// <param name="ImportedByName">Who imported them.</param>
/// <param name="ImportedAt">When.</param>
/// <param name="Figures">Per index, in framework code order.</param>
public sealed record MinistryFiguresDto(
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    [property: Range(1, SelfAssessmentLimits.MaxRevision)] int Revision,
    [property: MaxLength(SelfAssessmentLimits.SourceMaxLength)] string Source,
    [property: MaxLength(SelfAssessmentLimits.ActorMaxLength)] string ImportedByName,
    DateTimeOffset ImportedAt,
    [property: MaxLength(SelfAssessmentLimits.MaxFigures)] IReadOnlyList<MinistryFigureDto> Figures);

/// <param name="Code">The index.</param>
/// <param name="AppraisedValue">Appraised (thẩm định) value in [0, 1].</param>
/// <param name="AppraisedScore">Appraised points.</param>
/// <param name="FinalValue">Final (đạt được) value in [0, 1].</param>
/// <param name="FinalScore">Final points.</param>
[LimitsOf(typeof(MinistryFigureInput))]
public sealed record MinistryFigureDto(string Code, decimal? AppraisedValue, decimal? AppraisedScore, decimal? FinalValue, decimal? FinalScore);

/// <summary>A snapshot revision's self-assessed numbers beside the ministry's, index by index, and the DTI of each column.</summary>
/// <param name="AssessmentYear">The year.</param>
/// <param name="Revision">The snapshot revision.</param>
/// <param name="FrameworkCode">The framework it was assessed under.</param>
/// <param name="SnapshotSha256">SHA-256 of the snapshot document compared (its ETag).</param>
/// <param name="MinistryFigures">Where the ministry's numbers come from; null until they are imported.</param>
/// <param name="Totals">The DTI of each column, where its main-index values are complete.</param>
/// <param name="Indices">Main indices then their components, in the snapshot's order.</param>
public sealed record MinistryComparisonDto(
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    [property: Range(1, SelfAssessmentLimits.MaxRevision)] int Revision,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string FrameworkCode,
    [property: MinLength(EvidenceLimits.Sha256Length), MaxLength(EvidenceLimits.Sha256Length), RegularExpression(EvidenceLimits.Sha256Pattern)] string SnapshotSha256,
    MinistryFiguresSourceDto? MinistryFigures,
    ComparisonTotalsDto Totals,
    [property: MaxLength(SelfAssessmentLimits.MaxFigures)] IReadOnlyList<IndexComparisonDto> Indices);

/// <param name="Source">The ministry's decision the numbers come from.</param>
/// <param name="ImportedByName">Who imported them.</param>
/// <param name="ImportedAt">When.</param>
public sealed record MinistryFiguresSourceDto(
    [property: MaxLength(SelfAssessmentLimits.SourceMaxLength)] string Source,
    [property: MaxLength(SelfAssessmentLimits.ActorMaxLength)] string ImportedByName,
    DateTimeOffset ImportedAt);

/// <summary>One index in the three columns, and the ministry's numbers less the province's.</summary>
/// <param name="Code">The index.</param>
/// <param name="Level">Main or Component.</param>
/// <param name="MainIndexCode">A component's main index.</param>
/// <param name="NameVi">Its Vietnamese name.</param>
/// <param name="MaxPoints">Its max points.</param>
/// <param name="SelfAssessed">The self-assessed (tự đánh giá) numbers as frozen in the snapshot.</param>
/// <param name="Appraised">The appraised (thẩm định) numbers; null when the ministry gave none.</param>
/// <param name="Final">The final (đạt được) numbers; null when the ministry gave none.</param>
/// <param name="AppraisedMinusSelf">Appraised − self-assessed, where both are given.</param>
/// <param name="FinalMinusSelf">Final − self-assessed, where both are given.</param>
[LimitsOf(typeof(MainIndexInput))]
public sealed record IndexComparisonDto(
    string Code,
    AssessedIndexLevel Level,
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string? MainIndexCode,
    string NameVi,
    decimal? MaxPoints,
    ComparedFiguresDto SelfAssessed,
    ComparedFiguresDto? Appraised,
    ComparedFiguresDto? Final,
    FigureDifferenceDto? AppraisedMinusSelf,
    FigureDifferenceDto? FinalMinusSelf);

/// <param name="Value">The value (a main index's on the [0, 1] scale).</param>
/// <param name="Score">The points.</param>
public sealed record ComparedFiguresDto(
    [property: Range(0, SelfAssessmentLimits.MaxIndexValue)] decimal? Value,
    decimal? Score);

/// <param name="Value">The difference of the values; null unless both are given.</param>
/// <param name="Score">The difference of the points; null unless both are given.</param>
public sealed record FigureDifferenceDto(
    [property: Range(-SelfAssessmentLimits.MaxIndexValue, SelfAssessmentLimits.MaxIndexValue)] decimal? Value,
    decimal? Score);

/// <summary>The DTI of each column, computed as the self-assessment's is (Σ main value × max points / 1000).</summary>
/// <param name="SelfAssessed">From the self-assessed numbers.</param>
/// <param name="Appraised">From the appraised numbers.</param>
/// <param name="Final">From the final numbers.</param>
/// <param name="AppraisedMinusSelf">Appraised − self-assessed DTI (value and points), where both are complete.</param>
/// <param name="FinalMinusSelf">Final − self-assessed DTI, where both are complete.</param>
public sealed record ComparisonTotalsDto(DtiTotalDto SelfAssessed, DtiTotalDto Appraised, DtiTotalDto Final, FigureDifferenceDto? AppraisedMinusSelf, FigureDifferenceDto? FinalMinusSelf);

/// <param name="Complete">Every scored main index has a value in this column.</param>
/// <param name="UnvaluedScoredMainIndices">Scored main indices without a value in this column.</param>
/// <param name="Value">The DTI in [0, 1], four decimals; null unless complete.</param>
/// <param name="Points">The same on the 1,000-point scale; null unless complete.</param>
public sealed record DtiTotalDto(
    bool Complete,
    [property: Range(0, FrameworkLimits.MaxMainIndices)] int UnvaluedScoredMainIndices,
    [property: Range(0, 1)] decimal? Value,
    decimal? Points);
