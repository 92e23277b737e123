using Dti.Application.Obligations;
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
    int AssessmentYear,
    string FrameworkCode,
    SelfAssessmentState State,
    int Revision,
    IReadOnlyList<SelfAssessmentAction> AllowedActions,
    DateTimeOffset AsOf,
    SelfAssessmentDeadlineDto Deadline,
    DtiScoreDto Score,
    SelfAssessmentCompletenessDto Completeness,
    IReadOnlyList<AssessedIndexDto> Indices,
    IReadOnlyList<SnapshotSummaryDto> Snapshots);

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
public sealed record SelfAssessmentDeadlineDto(Guid RuleId, string RuleName, DateOnly LastAllowedDay, DateTimeOffset LastAllowedInstant, SelfAssessmentDeadlineStatus Status);

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
public sealed record AssessedIndexDto(
    string Code,
    AssessedIndexLevel Level,
    string? MainIndexCode,
    string NameVi,
    decimal? MaxPoints,
    AssessedIndexStatus Status,
    decimal? Value,
    decimal? Score,
    IReadOnlyList<ObligationAgencyDto> LeadAgencies,
    ReportedFiguresDto? Reported,
    IndexOverrideDto? Override);

/// <summary>What an accepted report version says about an index.</summary>
/// <param name="Value">The numeric value (yes/no as 1/0).</param>
/// <param name="TextValue">A text value.</param>
/// <param name="Score">The self-assessed points.</param>
/// <param name="Explanation">Why evidence is missing, if given.</param>
/// <param name="Evidence">The evidence documents cited.</param>
/// <param name="Provenance">The report version it comes from.</param>
public sealed record ReportedFiguresDto(decimal? Value, string? TextValue, decimal? Score, string? Explanation, IReadOnlyList<EvidenceReferenceDto> Evidence, ProvenanceDto Provenance);

/// <summary>The report version a figure comes from.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="VersionNumber">The accepted version.</param>
/// <param name="Revision">Its revision.</param>
/// <param name="Agency">The reporting lead agency.</param>
/// <param name="SubmittedAt">When that version was submitted.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="ContentHash">SHA-256 of the version's canonical content.</param>
public sealed record ProvenanceDto(Guid ReportId, int VersionNumber, int Revision, ObligationAgencyDto Agency, DateTimeOffset SubmittedAt, DateTimeOffset AcceptedAt, string ContentHash);

/// <param name="Id">The evidence item.</param>
/// <param name="Kind">File or Link.</param>
/// <param name="FileName">A file's name.</param>
/// <param name="Sha256">A file's SHA-256.</param>
/// <param name="Url">A link's address.</param>
public sealed record EvidenceReferenceDto(Guid Id, string Kind, string? FileName, string? Sha256, string? Url);

/// <param name="Value">The value set.</param>
/// <param name="Score">The score set.</param>
/// <param name="Reason">Why.</param>
/// <param name="ByName">Who.</param>
/// <param name="At">When.</param>
public sealed record IndexOverrideDto(decimal? Value, decimal? Score, string Reason, string ByName, DateTimeOffset At);

/// <summary>The DTI computed from the self-assessed figures.</summary>
/// <param name="Value">Σ(main value × max points) / 1000, four decimals.</param>
/// <param name="Points">The same on the 1,000-point scale.</param>
/// <param name="ScoredMaxPoints">The points of the scored main indices.</param>
/// <param name="UnvaluedScoredMainIndices">Scored main indices without a value (each counting nothing).</param>
/// <param name="MainIndices">Each main index's value and points.</param>
/// <param name="Pillars">Pillar sub-totals where the framework maps indices to pillars.</param>
public sealed record DtiScoreDto(decimal Value, decimal Points, decimal ScoredMaxPoints, int UnvaluedScoredMainIndices, IReadOnlyList<MainIndexScoreDto> MainIndices, IReadOnlyList<PillarScoreDto> Pillars);

/// <param name="Code">The main index.</param>
/// <param name="PillarCode">Its pillar, if mapped.</param>
/// <param name="IsScored">False for indices carried but not counted.</param>
/// <param name="MaxPoints">Its max points.</param>
/// <param name="Basis">Components (achieved over max points) or Entered (value in [0, 1]).</param>
/// <param name="Value">Its value in [0, 1].</param>
/// <param name="Points">Value × max points, when counted.</param>
/// <param name="Counted">Whether it counts in the DTI.</param>
public sealed record MainIndexScoreDto(string Code, string? PillarCode, bool IsScored, decimal MaxPoints, MainIndexBasis Basis, decimal? Value, decimal? Points, bool Counted);

/// <param name="Code">The pillar.</param>
/// <param name="MainIndexCodes">The scored main indices mapped to it.</param>
/// <param name="Points">Their points.</param>
/// <param name="MaxPoints">Their max points.</param>
/// <param name="Value">Points over max points.</param>
public sealed record PillarScoreDto(string Code, IReadOnlyList<string> MainIndexCodes, decimal Points, decimal MaxPoints, decimal? Value);

/// <summary>How complete the consolidation is.</summary>
/// <param name="Indices">Indices of the framework.</param>
/// <param name="WithValue">Those with a self-assessed value or score.</param>
/// <param name="WithEvidence">Those whose accepted report cites evidence.</param>
/// <param name="ValuePercent">WithValue ÷ Indices, one decimal.</param>
/// <param name="EvidencePercent">WithEvidence ÷ Indices, one decimal.</param>
/// <param name="MainIndices">The same per main index (the main index and its components).</param>
/// <param name="MissingByLead">Indices without figures, by lead agency to chase (agency null: nobody leads them).</param>
public sealed record SelfAssessmentCompletenessDto(
    int Indices, int WithValue, int WithEvidence, decimal? ValuePercent, decimal? EvidencePercent, IReadOnlyList<MainIndexCompletenessDto> MainIndices, IReadOnlyList<MissingByLeadDto> MissingByLead);

/// <param name="MainIndexCode">The main index.</param>
/// <param name="Indices">It and its components.</param>
/// <param name="WithValue">Those with a value or score.</param>
/// <param name="WithEvidence">Those with evidence.</param>
public sealed record MainIndexCompletenessDto(string MainIndexCode, int Indices, int WithValue, int WithEvidence);

/// <param name="Agency">The lead agency; null for indices nobody leads.</param>
/// <param name="IndexCodes">The indices it has not reported.</param>
public sealed record MissingByLeadDto(ObligationAgencyDto? Agency, IReadOnlyList<string> IndexCodes);

/// <summary>One finalised revision.</summary>
/// <param name="AssessmentYear">The year.</param>
/// <param name="Revision">1, 2, …</param>
/// <param name="Sha256">SHA-256 of the canonical document: its ETag.</param>
/// <param name="FinalisedAt">When.</param>
/// <param name="FinalisedByName">By whom.</param>
/// <param name="SignatureFormat">How it is signed.</param>
/// <param name="SignerThumbprint">SHA-256 thumbprint of the signing certificate.</param>
public sealed record SnapshotSummaryDto(int AssessmentYear, int Revision, string Sha256, DateTimeOffset FinalisedAt, string FinalisedByName, string SignatureFormat, string SignerThumbprint);

/// <summary>Who pulled which revision when.</summary>
/// <param name="Revision">The revision pulled.</param>
/// <param name="Format">json, csv or signature.</param>
/// <param name="ByName">The client.</param>
/// <param name="Role">Its role.</param>
/// <param name="At">When.</param>
public sealed record SnapshotPullDto(int Revision, string Format, string ByName, string Role, DateTimeOffset At);
