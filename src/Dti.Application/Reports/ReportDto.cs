using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Dti.Domain.Reports;

namespace Dti.Application.Reports;

/// <summary>Bounds the API description states for report numbers.</summary>
public static class ReportDtoLimits
{
    /// <summary>Revisions and version numbers: far beyond any real report's corrections.</summary>
    public const int MaxNumber = 1_000_000;

    /// <summary>A late submission is late by at most this many working days (a few decades).</summary>
    public const int MaxWorkingDaysLate = 100_000;

    /// <summary>A changed value rendered as text: the longest section.</summary>
    public const int MaxChangeLength = ReportLimits.SectionMaxLength;

    /// <summary>Changes between two versions: every field of every entry, and the sections.</summary>
    public const int MaxChanges = (ReportLimits.MaxEntries * 8) + 3;

    /// <summary>The longest entry field name a change names (<c>numericValue</c>, <c>explanation</c>, …).</summary>
    public const int FieldNameMaxLength = 20;
}

/// <summary>
/// A report with its content. <c>allowedActions</c> is what its lifecycle allows next from its state (who may take each
/// is in the lifecycle table). <c>timeliness</c>, <c>submittedAt</c> and <c>workingDaysLate</c> are those of the
/// submission that counts (the first one not withdrawn; see docs/reports.md); <c>lastReview</c> is the latest version's
/// withdrawal, return or acceptance.
/// </summary>
/// <param name="Id">The report's id.</param>
/// <param name="Kind">Periodic, AdHoc or Contribution.</param>
/// <param name="AgencyId">The reporting agency.</param>
/// <param name="AssessmentYear">The DTI year the report belongs to.</param>
/// <param name="PlanId">Periodic: the plan.</param>
/// <param name="DeadlineRuleId">Periodic: the plan's reporting rule.</param>
/// <param name="PeriodId">Periodic: the period.</param>
/// <param name="ReportRequestId">Ad hoc and contribution: the request.</param>
/// <param name="ReviewingAgencyId">Contribution: the lead agency that asked for it and reviews it.</param>
/// <param name="State">Draft, Submitted, Returned or Accepted.</param>
/// <param name="AllowedActions">What may be done next.</param>
/// <param name="Revision">1, then one more per correction after acceptance.</param>
/// <param name="Entries">One per index, in the author's order.</param>
/// <param name="Results">Results achieved.</param>
/// <param name="Difficulties">Difficulties and shortcomings.</param>
/// <param name="Proposals">Proposals.</param>
/// <param name="Tasks">The agency's plan tasks as they stood at the last submission.</param>
/// <param name="LatestVersionNumber">The last frozen version (0 before the first submission).</param>
/// <param name="AcceptedVersionNumber">The last accepted version (what readers and the ministry see).</param>
/// <param name="CountedVersionNumber">The version whose timeliness counts.</param>
/// <param name="SubmittedAt">When that version was submitted.</param>
/// <param name="Timeliness">Whether it came on time.</param>
/// <param name="WorkingDaysLate">By how many working days it was late.</param>
/// <param name="LastReview">What became of the latest version, once something did.</param>
/// <param name="IsSample">Illustrative data.</param>
/// <param name="CreatedAt">When the draft was started.</param>
/// <param name="UpdatedAt">When the report last changed.</param>
[LimitsOf(typeof(ReportContentInput))]
public sealed record ReportDto(
    Guid Id,
    ReportKind Kind,
    Guid AgencyId,
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    Guid? PlanId,
    Guid? DeadlineRuleId,
    [property: MaxLength(ReportingPeriod.IdMaxLength), RegularExpression(ReportingPeriod.IdPattern)] string? PeriodId,
    Guid? ReportRequestId,
    Guid? ReviewingAgencyId,
    ReportState State,
    [property: MaxLength(ReportLifecycle.MaxAllowedActions)] IReadOnlyList<ReportAction> AllowedActions,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Revision,
    IReadOnlyList<ReportEntryDto> Entries,
    string? Results,
    string? Difficulties,
    string? Proposals,
    [property: MaxLength(ReportLimits.MaxTasks)] IReadOnlyList<ReportTaskDto> Tasks,
    [property: Range(0, ReportDtoLimits.MaxNumber)] int LatestVersionNumber,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int? AcceptedVersionNumber,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int? CountedVersionNumber,
    DateTimeOffset? SubmittedAt,
    ReportTimeliness? Timeliness,
    [property: Range(0, ReportDtoLimits.MaxWorkingDaysLate)] int? WorkingDaysLate,
    ReportReviewDto? LastReview,
    bool IsSample,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What the report says about one index.</summary>
/// <param name="IndexCode">The index.</param>
/// <param name="NumericValue">Percentage, count or score measures.</param>
/// <param name="YesNoValue">Yes/no measures.</param>
/// <param name="TextValue">Text measures.</param>
/// <param name="Score">Self-assessed points.</param>
/// <param name="Note">A note to the reviewer.</param>
/// <param name="AsOf">The day the data is as of.</param>
/// <param name="EvidenceIds">Evidence documents.</param>
/// <param name="Explanation">Why evidence the framework requires is missing.</param>
/// <param name="Sources">The contributions the value was taken from (empty when none).</param>
[LimitsOf(typeof(ReportEntryInput))]
public sealed record ReportEntryDto(
    string IndexCode,
    decimal? NumericValue,
    bool? YesNoValue,
    string? TextValue,
    decimal? Score,
    string? Note,
    DateOnly? AsOf,
    IReadOnlyList<Guid> EvidenceIds,
    string? Explanation,
    IReadOnlyList<ContributionSourceDto> Sources);

/// <summary>A contribution a value was taken from: the contributing agency's report and the version read.</summary>
/// <param name="ReportId">The contribution report.</param>
/// <param name="Version">The version the value was taken from.</param>
/// <param name="AgencyId">The contributing agency.</param>
public sealed record ContributionSourceDto(Guid ReportId, [property: Range(1, ReportDtoLimits.MaxNumber)] int Version, Guid AgencyId);

/// <summary>One of the agency's plan tasks as it stood at a submission.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="PlanId">Its plan.</param>
/// <param name="Title">Its title then.</param>
/// <param name="Status">Its status then.</param>
/// <param name="ProgressPercent">Its progress then.</param>
/// <param name="DueDate">Its due date then.</param>
/// <param name="ProgressAsOf">The day its last progress report was as of.</param>
public sealed record ReportTaskDto(
    Guid TaskId,
    Guid PlanId,
    [property: MaxLength(PlanLimits.TitleMaxLength), RegularExpression(TextRules.SingleLinePattern)] string Title,
    PlanTaskStatus Status,
    [property: Range(0, PlanLimits.MaxPercent)] int ProgressPercent,
    DateOnly? DueDate,
    DateOnly? ProgressAsOf);

/// <summary>What became of a version: withdrawn by its agency, returned with reasons, or accepted.</summary>
/// <param name="VersionNumber">The version reviewed.</param>
/// <param name="Outcome">Withdrawn, Returned or Accepted.</param>
/// <param name="ReviewedAt">When.</param>
/// <param name="ReviewedByName">The reviewer (none for a withdrawal).</param>
/// <param name="Reason">A return's reason overall.</param>
/// <param name="IndexNotes">A return's notes per index.</param>
public sealed record ReportReviewDto(
    [property: Range(1, ReportDtoLimits.MaxNumber)] int VersionNumber,
    ReportVersionOutcome Outcome,
    DateTimeOffset? ReviewedAt,
    [property: MaxLength(ReportLimits.ActorNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? ReviewedByName,
    [property: MaxLength(ReportLimits.ReasonMaxLength), RegularExpression(TextRules.MultiLinePattern)] string? Reason,
    [property: MaxLength(ReportLimits.MaxEntries)] IReadOnlyList<IndexNoteDto> IndexNotes);

/// <param name="IndexCode">The index.</param>
/// <param name="Note">What to correct.</param>
[LimitsOf(typeof(IndexNoteInput))]
public sealed record IndexNoteDto(string IndexCode, string Note);

/// <summary>A report in a list.</summary>
/// <param name="Id">The report's id.</param>
/// <param name="Kind">Periodic, AdHoc or Contribution.</param>
/// <param name="AgencyId">The reporting agency.</param>
/// <param name="AssessmentYear">The DTI year.</param>
/// <param name="PlanId">Periodic: the plan.</param>
/// <param name="DeadlineRuleId">Periodic: the reporting rule.</param>
/// <param name="PeriodId">Periodic: the period.</param>
/// <param name="ReportRequestId">Ad hoc and contribution: the request.</param>
/// <param name="ReviewingAgencyId">Contribution: the lead agency that reviews it.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Revision">Its revision.</param>
/// <param name="LatestVersionNumber">Its last frozen version.</param>
/// <param name="AcceptedVersionNumber">Its last accepted version.</param>
/// <param name="SubmittedAt">When the submission that counts came.</param>
/// <param name="Timeliness">Whether it came on time.</param>
/// <param name="WorkingDaysLate">By how many working days it was late.</param>
/// <param name="EntryCount">Indices reported on.</param>
/// <param name="IsSample">Illustrative data.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ReportSummaryDto(
    Guid Id,
    ReportKind Kind,
    Guid AgencyId,
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    Guid? PlanId,
    Guid? DeadlineRuleId,
    [property: MaxLength(ReportingPeriod.IdMaxLength), RegularExpression(ReportingPeriod.IdPattern)] string? PeriodId,
    Guid? ReportRequestId,
    Guid? ReviewingAgencyId,
    ReportState State,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Revision,
    [property: Range(0, ReportDtoLimits.MaxNumber)] int LatestVersionNumber,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int? AcceptedVersionNumber,
    DateTimeOffset? SubmittedAt,
    ReportTimeliness? Timeliness,
    [property: Range(0, ReportDtoLimits.MaxWorkingDaysLate)] int? WorkingDaysLate,
    [property: Range(0, ReportLimits.MaxEntries)] int EntryCount,
    bool IsSample,
    DateTimeOffset UpdatedAt);

/// <summary>
/// One frozen submission. <c>contentHash</c> is the SHA-256 of the canonical JSON of its content; <c>countsForTimeliness</c>
/// marks the submission whose timeliness is the report's.
/// </summary>
/// <param name="Number">1, 2, … across revisions.</param>
/// <param name="Revision">The revision it belongs to.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="SubmittedByName">Who submitted it (the client's name).</param>
/// <param name="ContentHash">SHA-256 of its canonical content, lower-case hex.</param>
/// <param name="LastAllowedDay">The last allowed day it was judged against.</param>
/// <param name="LastAllowedInstant">The last instant on time it was judged against, +07:00: the rule's time of day on that day, or its end (24:00).</param>
/// <param name="Timeliness">On time or late.</param>
/// <param name="WorkingDaysLate">Working days late (0 when on time).</param>
/// <param name="CountsForTimeliness">Whether its timeliness is the report's.</param>
/// <param name="Outcome">Pending, Withdrawn, Returned or Accepted.</param>
/// <param name="ReviewedAt">When it was withdrawn or reviewed.</param>
/// <param name="ReviewedByName">Its reviewer.</param>
/// <param name="ReturnReason">A return's reason overall.</param>
/// <param name="IndexNotes">A return's notes per index.</param>
public sealed record ReportVersionSummaryDto(
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Number,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Revision,
    DateTimeOffset SubmittedAt,
    [property: MaxLength(ReportLimits.ActorNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string SubmittedByName,
    [property: MinLength(ReportLimits.ContentHashLength), MaxLength(ReportLimits.ContentHashLength), RegularExpression("^[0-9a-f]{64}$")] string ContentHash,
    DateOnly LastAllowedDay,
    DateTimeOffset LastAllowedInstant,
    ReportTimeliness Timeliness,
    [property: Range(0, ReportDtoLimits.MaxWorkingDaysLate)] int WorkingDaysLate,
    bool CountsForTimeliness,
    ReportVersionOutcome Outcome,
    DateTimeOffset? ReviewedAt,
    [property: MaxLength(ReportLimits.ActorNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? ReviewedByName,
    [property: MaxLength(ReportLimits.ReasonMaxLength), RegularExpression(TextRules.MultiLinePattern)] string? ReturnReason,
    [property: MaxLength(ReportLimits.MaxEntries)] IReadOnlyList<IndexNoteDto> IndexNotes);

/// <summary>A report's versions, oldest first.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="Versions">Its versions.</param>
public sealed record ReportVersionListDto(Guid ReportId, [property: MaxLength(ReportDtoLimits.MaxNumber)] IReadOnlyList<ReportVersionSummaryDto> Versions);

/// <summary>One frozen submission with its content exactly as submitted.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="Version">When, by whom, how timely and what became of it.</param>
/// <param name="Content">The content frozen at submission.</param>
public sealed record ReportVersionDto(Guid ReportId, ReportVersionSummaryDto Version, ReportContentDto Content);

/// <summary>A report's content as frozen in a version.</summary>
/// <param name="Entries">One per index, in index-code order.</param>
/// <param name="Results">Results achieved.</param>
/// <param name="Difficulties">Difficulties and shortcomings.</param>
/// <param name="Proposals">Proposals.</param>
/// <param name="Tasks">The agency's plan tasks as they stood then.</param>
[LimitsOf(typeof(ReportContentInput))]
public sealed record ReportContentDto(
    IReadOnlyList<ReportEntryDto> Entries,
    string? Results,
    string? Difficulties,
    string? Proposals,
    [property: MaxLength(ReportLimits.MaxTasks)] IReadOnlyList<ReportTaskDto> Tasks);

/// <summary>What changed from version <c>against</c> to version <c>number</c>, per index field and per section.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="Number">The newer version (the one in the path).</param>
/// <param name="Against">The version compared with.</param>
/// <param name="Changes">Each difference, in index-code order, then sections.</param>
public sealed record ReportDiffDto(
    Guid ReportId,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Number,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int Against,
    [property: MaxLength(ReportDtoLimits.MaxChanges)] IReadOnlyList<ReportChangeDto> Changes);

/// <summary>One difference: a field of an index entry (<c>indexCode</c>, <c>field</c>), or a section (<c>section</c>); <c>from</c>/<c>to</c> are null where there was nothing.</summary>
/// <param name="IndexCode">The index whose entry changed.</param>
/// <param name="Section">The section that changed.</param>
/// <param name="Field">The entry's field, by its JSON name.</param>
/// <param name="From">The older value as text.</param>
/// <param name="To">The newer value as text.</param>
public sealed record ReportChangeDto(
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string? IndexCode,
    ReportSection? Section,
    [property: MaxLength(ReportDtoLimits.FieldNameMaxLength), RegularExpression("^[a-zA-Z]+$")] string? Field,
    [property: MaxLength(ReportDtoLimits.MaxChangeLength), RegularExpression(TextRules.MultiLinePattern)] string? From,
    [property: MaxLength(ReportDtoLimits.MaxChangeLength), RegularExpression(TextRules.MultiLinePattern)] string? To);
