using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Application.Obligations;
using Dti.Application.Reports;
using Dti.Application.Reports.Queries.GetCompleteness;
using Dti.Domain.Deadlines;
using Dti.Domain.Evidence;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using Dti.Domain.SelfAssessments;

namespace Dti.Application.SelfAssessments;

/// <summary>A year's self-assessment as consolidated now: every index of the governing framework, the scores, completeness and deadline.</summary>
/// <param name="Id">The self-assessment.</param>
/// <param name="AssessmentYear">The year assessed.</param>
/// <param name="FrameworkCode">The framework governing the year.</param>
/// <param name="State">Open (consolidating) or Finalised.</param>
/// <param name="Revision">The revision being prepared (Open) or last frozen (Finalised).</param>
/// <param name="AllowedActions">What the lifecycle allows next.</param>
/// <param name="AsOf">The instant the consolidation was read, +07:00.</param>
/// <param name="Deadline">The self-assessment's own deadline and where it stands.</param>
/// <param name="Score">The DTI computed from the indices' figures.</param>
/// <param name="Completeness">Shares of indices with a value and with evidence, and who is missing what.</param>
/// <param name="Indices">Main indices then their components, in framework order.</param>
/// <param name="Snapshots">The revisions finalised so far, oldest first.</param>
public sealed record SelfAssessmentDto(
    Guid Id,
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string FrameworkCode,
    SelfAssessmentState State,
    [property: Range(1, SelfAssessmentLimits.MaxRevision)] int Revision,
    [property: MaxLength(SelfAssessmentLifecycle.MaxAllowedActions)] IReadOnlyList<SelfAssessmentAction> AllowedActions,
    DateTimeOffset AsOf,
    SelfAssessmentDeadlineDto Deadline,
    DtiScoreDto Score,
    SelfAssessmentCompletenessDto Completeness,
    [property: MaxLength(FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] IReadOnlyList<AssessedIndexDto> Indices,
    [property: MaxLength(SelfAssessmentLimits.MaxRevision)] IReadOnlyList<SnapshotSummaryDto> Snapshots);

/// <summary>Where the self-assessment stands against its deadline.</summary>
public enum SelfAssessmentDeadlineStatus
{
    Upcoming,
    DueSoon,
    Overdue,

    /// <summary>The first revision was finalised by the last allowed instant.</summary>
    FinalisedOnTime,

    /// <summary>The first revision was finalised after the last allowed instant.</summary>
    FinalisedLate,
}

/// <param name="RuleId">The deadline rule.</param>
/// <param name="RuleName">Its name.</param>
/// <param name="LastAllowedDay">The last day on time.</param>
/// <param name="LastAllowedInstant">Its end, +07:00.</param>
/// <param name="Status">Where the self-assessment stands.</param>
public sealed record SelfAssessmentDeadlineDto(
    Guid RuleId,
    [property: MaxLength(DeadlineRule.MaxNameLength), RegularExpression(TextRules.SingleLinePattern)] string RuleName,
    DateOnly LastAllowedDay,
    DateTimeOffset LastAllowedInstant,
    SelfAssessmentDeadlineStatus Status);

/// <summary>Whether an index is a main index or a component.</summary>
public enum AssessedIndexLevel
{
    Main,
    Component,
}

/// <summary>Where an index's figures come from.</summary>
public enum AssessedIndexStatus
{
    /// <summary>From an accepted report of its lead agency.</summary>
    Reported,

    /// <summary>The coordinator's override (the reported figures, if any, stay beside it).</summary>
    Overridden,

    /// <summary>No accepted report of a lead agency gives it yet: chase the lead agencies listed.</summary>
    Missing,
}

/// <summary>One index of the self-assessment.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Level">Main or component.</param>
/// <param name="MainIndexCode">A component's main index.</param>
/// <param name="NameVi">Its name.</param>
/// <param name="MaxPoints">Its max points, where the framework gives them.</param>
/// <param name="Status">Where the figures come from.</param>
/// <param name="Value">The self-assessed value: the override's, else the report's (a main index's on the [0, 1] scale).</param>
/// <param name="Score">The self-assessed points: the override's, else the report's.</param>
/// <param name="LeadAgencies">The agencies leading it under the year's issued plans.</param>
/// <param name="Reported">What the accepted report says, with provenance; null when missing.</param>
/// <param name="Override">The coordinator's override; null when none.</param>
[LimitsOf(typeof(MainIndexInput))]
public sealed record AssessedIndexDto(
    string Code,
    AssessedIndexLevel Level,
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string? MainIndexCode,
    string NameVi,
    decimal? MaxPoints,
    AssessedIndexStatus Status,
    decimal? Value,
    decimal? Score,
    [property: MaxLength(CompletenessLimits.MaxLeadsPerIndex)] IReadOnlyList<ObligationAgencyDto> LeadAgencies,
    ReportedFiguresDto? Reported,
    IndexOverrideDto? Override);

/// <summary>What an accepted report version says about an index.</summary>
/// <param name="Value">The numeric value (yes/no as 1/0).</param>
/// <param name="TextValue">A text value.</param>
/// <param name="Score">The self-assessed points.</param>
/// <param name="Explanation">Why evidence is missing, if given.</param>
/// <param name="Evidence">The evidence documents cited.</param>
/// <param name="Provenance">The report version it comes from.</param>
public sealed record ReportedFiguresDto(
    decimal? Value,
    [property: MaxLength(ReportLimits.TextValueMaxLength)] string? TextValue,
    decimal? Score,
    [property: MaxLength(ReportLimits.ExplanationMaxLength)] string? Explanation,
    [property: MaxLength(ReportLimits.MaxEvidencePerEntry)] IReadOnlyList<EvidenceReferenceDto> Evidence,
    ProvenanceDto Provenance);

/// <summary>The report version a figure comes from.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="VersionNumber">The accepted version.</param>
/// <param name="Revision">Its revision.</param>
/// <param name="Agency">The reporting lead agency.</param>
/// <param name="SubmittedAt">When that version was submitted.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="ContentHash">SHA-256 of the version's canonical content.</param>
public sealed record ProvenanceDto(
    Guid ReportId,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int VersionNumber,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Revision,
    ObligationAgencyDto Agency,
    DateTimeOffset SubmittedAt,
    DateTimeOffset AcceptedAt,
    [property: MinLength(ReportLimits.ContentHashLength), MaxLength(ReportLimits.ContentHashLength), RegularExpression(EvidenceLimits.Sha256Pattern)] string ContentHash);

/// <param name="Id">The evidence item.</param>
/// <param name="Kind">File or Link.</param>
/// <param name="FileName">A file's name.</param>
/// <param name="Sha256">A file's SHA-256.</param>
/// <param name="Url">A link's address.</param>
public sealed record EvidenceReferenceDto(
    Guid Id,
    [property: MaxLength(SelfAssessmentLimits.FormatMaxLength)] string Kind,
    [property: MaxLength(EvidenceLimits.FileNameMaxLength)] string? FileName,
    [property: MinLength(EvidenceLimits.Sha256Length), MaxLength(EvidenceLimits.Sha256Length), RegularExpression(EvidenceLimits.Sha256Pattern)] string? Sha256,
    [property: MaxLength(EvidenceLimits.UrlMaxLength)] string? Url);

/// <param name="Value">The value set.</param>
/// <param name="Score">The score set.</param>
/// <param name="Reason">Why.</param>
/// <param name="ByName">Who.</param>
/// <param name="At">When.</param>
[LimitsOf(typeof(OverrideIndexInput))]
public sealed record IndexOverrideDto(decimal? Value, decimal? Score, string Reason, [property: MaxLength(SelfAssessmentLimits.ActorMaxLength)] string ByName, DateTimeOffset At);

/// <summary>The DTI computed from the self-assessed figures.</summary>
/// <param name="Value">Σ(main value × max points) / 1000, four decimals.</param>
/// <param name="Points">The same on the 1,000-point scale.</param>
/// <param name="ScoredMaxPoints">The points of the scored main indices.</param>
/// <param name="UnvaluedScoredMainIndices">Scored main indices without a value (each counting nothing).</param>
/// <param name="MainIndices">Each main index's value and points.</param>
/// <param name="Pillars">Pillar sub-totals where the framework maps indices to pillars.</param>
public sealed record DtiScoreDto(
    decimal Value,
    decimal Points,
    decimal ScoredMaxPoints,
    [property: Range(0, FrameworkLimits.MaxMainIndices)] int UnvaluedScoredMainIndices,
    [property: MaxLength(FrameworkLimits.MaxMainIndices)] IReadOnlyList<MainIndexScoreDto> MainIndices,
    [property: MaxLength(FrameworkLimits.MaxPillars)] IReadOnlyList<PillarScoreDto> Pillars);

/// <param name="Code">The main index.</param>
/// <param name="PillarCode">Its pillar, if mapped.</param>
/// <param name="IsScored">False for indices carried but not counted.</param>
/// <param name="MaxPoints">Its max points.</param>
/// <param name="Basis">Components (achieved over max points) or Entered (value in [0, 1]).</param>
/// <param name="Value">Its value in [0, 1].</param>
/// <param name="Points">Value × max points, when counted.</param>
/// <param name="Counted">Whether it counts in the DTI.</param>
[LimitsOf(typeof(MainIndexInput))]
public sealed record MainIndexScoreDto(string Code, string? PillarCode, bool IsScored, decimal MaxPoints, MainIndexBasis Basis, decimal? Value, decimal? Points, bool Counted);

/// <param name="Code">The pillar.</param>
/// <param name="MainIndexCodes">The scored main indices mapped to it.</param>
/// <param name="Points">Their points.</param>
/// <param name="MaxPoints">Their max points.</param>
/// <param name="Value">Points over max points.</param>
[LimitsOf(typeof(PillarInput))]
public sealed record PillarScoreDto(
    string Code,
    [property: MaxLength(FrameworkLimits.MaxMainIndices), ItemLimits(FrameworkLimits.IndexCodeMaxLength, FrameworkLimits.IndexCodePattern)] IReadOnlyList<string> MainIndexCodes,
    decimal Points,
    decimal MaxPoints,
    decimal? Value);

/// <summary>How complete the consolidation is.</summary>
/// <param name="Indices">Indices of the framework.</param>
/// <param name="WithValue">Those with a self-assessed value or score.</param>
/// <param name="WithEvidence">Those whose accepted report cites evidence.</param>
/// <param name="ValuePercent">WithValue ÷ Indices, one decimal.</param>
/// <param name="EvidencePercent">WithEvidence ÷ Indices, one decimal.</param>
/// <param name="MainIndices">The same per main index (the main index and its components).</param>
/// <param name="MissingByLead">Indices without figures, by lead agency to chase (agency null: nobody leads them).</param>
public sealed record SelfAssessmentCompletenessDto(
    [property: Range(0, FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] int Indices,
    [property: Range(0, FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] int WithValue,
    [property: Range(0, FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] int WithEvidence,
    [property: Range(0, 100)] decimal? ValuePercent,
    [property: Range(0, 100)] decimal? EvidencePercent,
    [property: MaxLength(FrameworkLimits.MaxMainIndices)] IReadOnlyList<MainIndexCompletenessDto> MainIndices,
    [property: MaxLength(CompletenessLimits.MaxAgencies)] IReadOnlyList<MissingByLeadDto> MissingByLead);

/// <param name="MainIndexCode">The main index.</param>
/// <param name="Indices">It and its components.</param>
/// <param name="WithValue">Those with a value or score.</param>
/// <param name="WithEvidence">Those with evidence.</param>
public sealed record MainIndexCompletenessDto(
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string MainIndexCode,
    [property: Range(0, FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] int Indices,
    [property: Range(0, FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] int WithValue,
    [property: Range(0, FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] int WithEvidence);

/// <param name="Agency">The lead agency; null for indices nobody leads.</param>
/// <param name="IndexCodes">The indices it has not reported.</param>
public sealed record MissingByLeadDto(
    ObligationAgencyDto? Agency,
    [property: MaxLength(FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices), ItemLimits(FrameworkLimits.IndexCodeMaxLength, FrameworkLimits.IndexCodePattern)] IReadOnlyList<string> IndexCodes);

/// <summary>One finalised revision.</summary>
/// <param name="AssessmentYear">The year.</param>
/// <param name="Revision">1, 2, …</param>
/// <param name="Sha256">SHA-256 of the canonical document: its ETag.</param>
/// <param name="FinalisedAt">When.</param>
/// <param name="FinalisedByName">By whom.</param>
/// <param name="SignatureFormat">How it is signed.</param>
/// <param name="SignerThumbprint">SHA-256 thumbprint of the signing certificate.</param>
public sealed record SnapshotSummaryDto(
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    [property: Range(1, SelfAssessmentLimits.MaxRevision)] int Revision,
    [property: MinLength(EvidenceLimits.Sha256Length), MaxLength(EvidenceLimits.Sha256Length), RegularExpression(EvidenceLimits.Sha256Pattern)] string Sha256,
    DateTimeOffset FinalisedAt,
    [property: MaxLength(SelfAssessmentLimits.ActorMaxLength)] string FinalisedByName,
    [property: MaxLength(SelfAssessmentLimits.FormatMaxLength)] string SignatureFormat,
    [property: MinLength(EvidenceLimits.Sha256Length), MaxLength(EvidenceLimits.Sha256Length), RegularExpression(EvidenceLimits.Sha256Pattern)] string SignerThumbprint);

/// <summary>Who pulled which revision when.</summary>
/// <param name="Revision">The revision pulled.</param>
/// <param name="Format">json, csv or signature.</param>
/// <param name="ByName">The client.</param>
/// <param name="Role">Its role.</param>
/// <param name="At">When.</param>
public sealed record SnapshotPullDto(
    [property: Range(1, SelfAssessmentLimits.MaxRevision)] int Revision,
    [property: MaxLength(SelfAssessmentLimits.FormatMaxLength)] string Format,
    [property: MaxLength(SelfAssessmentLimits.ActorMaxLength)] string ByName,
    [property: MaxLength(SelfAssessmentLimits.RolesMaxLength)] string Role,
    DateTimeOffset At);
