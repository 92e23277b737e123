using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using FluentValidation;

namespace Dti.Application.Reports;

/// <summary>
/// The body that starts a draft report. A periodic report names its obligation (<see cref="PlanId"/>,
/// <see cref="DeadlineRuleId"/>, <see cref="PeriodId"/>, as <c>/obligations</c> lists it); an ad hoc report or a
/// contribution names its <see cref="ReportRequestId"/>.
/// </summary>
/// <param name="Kind">Periodic, AdHoc or Contribution.</param>
/// <param name="AgencyId">The reporting agency (one of the caller's own).</param>
/// <param name="PlanId">Periodic: the plan whose reporting rule asks for the report.</param>
/// <param name="DeadlineRuleId">Periodic: the plan's reporting rule.</param>
/// <param name="PeriodId">Periodic: the period, e.g. 2023Q4 or 2023.</param>
/// <param name="ReportRequestId">Ad hoc and contribution: the request answered.</param>
/// <param name="IsSample">Illustrative data, not a real report.</param>
public sealed record CreateReportInput(
    ReportKind? Kind,
    Guid AgencyId,
    Guid? PlanId,
    Guid? DeadlineRuleId,
    string? PeriodId,
    Guid? ReportRequestId,
    bool IsSample = false);

public sealed class CreateReportInputValidator : AbstractValidator<CreateReportInput>
{
    public CreateReportInputValidator()
    {
        RuleFor(r => r.Kind).NotNull().IsDefinedEnum();
        RuleFor(r => r.AgencyId).NotEmpty();
        RuleFor(r => r.PeriodId).MaximumLength(ReportingPeriod.IdMaxLength)
            .Matches(ReportingPeriod.IdPattern).WithMessage("'periodId' must be a period such as 2023Q4, 2023H1, 2023M11 or 2023.");
        When(r => r.Kind == ReportKind.Periodic, () =>
        {
            RuleFor(r => r.PlanId).NotEmpty().WithMessage("A periodic report names its obligation: 'planId' is required.");
            RuleFor(r => r.DeadlineRuleId).NotEmpty().WithMessage("A periodic report names its obligation: 'deadlineRuleId' is required.");
            RuleFor(r => r.PeriodId).NotEmpty().WithMessage("A periodic report names its obligation: 'periodId' is required.");
            RuleFor(r => r.ReportRequestId).Null().WithMessage("A periodic report answers an obligation, not a request: leave 'reportRequestId' out.");
        });
        When(r => r.Kind is ReportKind.AdHoc or ReportKind.Contribution, () =>
        {
            RuleFor(r => r.ReportRequestId).NotEmpty().WithMessage("Ad hoc reports and contributions answer a request: 'reportRequestId' is required.");
            RuleFor(r => r.PlanId).Null().WithMessage("Only periodic reports name a plan.");
            RuleFor(r => r.DeadlineRuleId).Null().WithMessage("Only periodic reports name a reporting rule.");
            RuleFor(r => r.PeriodId).Null().WithMessage("Only periodic reports name a period.");
        });
    }
}

/// <summary>The whole content of a report: an entry per index and the three sections. A PUT replaces all of it.</summary>
/// <param name="Entries">One per index the agency answers for (in any order; each index once).</param>
/// <param name="Results">Kết quả đạt được: results achieved.</param>
/// <param name="Difficulties">Tồn tại, hạn chế, khó khăn: difficulties and shortcomings.</param>
/// <param name="Proposals">Kiến nghị, đề xuất: proposals.</param>
public sealed record ReportContentInput(IReadOnlyList<ReportEntryInput>? Entries, string? Results, string? Difficulties, string? Proposals)
{
    public ReportContentSpec ToSpec() => new([.. (Entries ?? []).Select(e => e.ToSpec())], Results, Difficulties, Proposals);
}

/// <summary>
/// What the agency reports on one index. Give the value in the field the index's measure type asks for:
/// <c>numericValue</c> for percentages (0–100), counts (whole numbers) and scores (main indices are scores);
/// <c>yesNoValue</c> for yes/no; <c>textValue</c> for text.
/// </summary>
/// <param name="IndexCode">The main or component index, e.g. 7 or 7.3.</param>
/// <param name="NumericValue">Percentage, count or score measures; four decimals are kept.</param>
/// <param name="YesNoValue">Yes/no measures.</param>
/// <param name="TextValue">Text measures.</param>
/// <param name="Score">Self-assessed points (two decimals kept), not above the index's maximum points.</param>
/// <param name="Note">Anything the reviewer should know.</param>
/// <param name="AsOf">The day the data is as of.</param>
/// <param name="EvidenceIds">Evidence documents (tài liệu kiểm chứng) backing the value and score.</param>
/// <param name="Explanation">Why there is no evidence where the framework requires it.</param>
/// <param name="Sources">
/// The contributions the value was taken from (provenance): versions submitted (awaiting review or accepted) of
/// contributions made to the reporting agency that answer this index (see <c>/agencies/{agencyId}/contributions</c>).
/// </param>
public sealed record ReportEntryInput(
    string IndexCode,
    decimal? NumericValue,
    bool? YesNoValue,
    string? TextValue,
    decimal? Score,
    string? Note,
    DateOnly? AsOf,
    IReadOnlyList<Guid>? EvidenceIds,
    string? Explanation,
    IReadOnlyList<ContributionSourceInput>? Sources = null)
{
    public ReportEntrySpec ToSpec() => new(
        IndexCode, NumericValue, YesNoValue, TextValue, Score, Note, AsOf, EvidenceIds ?? [], Explanation,
        Sources is null ? null : [.. Sources.Select(s => new ContributionSource(s.ReportId, s.Version, Guid.Empty))]);
}

/// <summary>A contribution a value was taken from.</summary>
/// <param name="ReportId">The contribution report.</param>
/// <param name="Version">The version of it read.</param>
public sealed record ContributionSourceInput(Guid ReportId, [property: Range(1, ReportDtoLimits.MaxNumber)] int Version);

public sealed class ContributionSourceInputValidator : AbstractValidator<ContributionSourceInput>
{
    public ContributionSourceInputValidator()
    {
        RuleFor(s => s.ReportId).NotEmpty();
        RuleFor(s => s.Version).InclusiveBetween(1, ReportDtoLimits.MaxNumber);
    }
}

public sealed class ReportContentInputValidator : AbstractValidator<ReportContentInput>
{
    public ReportContentInputValidator()
    {
        RuleFor(c => c.Entries).MaxItems(ReportLimits.MaxEntries);
        RuleForEach(c => c.Entries).NoNullItems().SetValidator(new ReportEntryInputValidator());
        RuleFor(c => c.Results).MultiLine(ReportLimits.SectionMaxLength);
        RuleFor(c => c.Difficulties).MultiLine(ReportLimits.SectionMaxLength);
        RuleFor(c => c.Proposals).MultiLine(ReportLimits.SectionMaxLength);
    }
}

public sealed class ReportEntryInputValidator : AbstractValidator<ReportEntryInput>
{
    /// <summary>The largest number an index value column (18,4) holds.</summary>
    public const decimal MaxNumericValue = 99_999_999_999_999m;

    public ReportEntryInputValidator()
    {
        RuleFor(e => e.IndexCode).NotEmpty().IndexCode();
        RuleFor(e => e.NumericValue).InclusiveBetween(-MaxNumericValue, MaxNumericValue);
        RuleFor(e => e.TextValue).MultiLine(ReportLimits.TextValueMaxLength);
        RuleFor(e => e.Score).InclusiveBetween(0m, FrameworkLimits.MaxIndexPoints);
        RuleFor(e => e.Note).MultiLine(ReportLimits.NoteMaxLength);
        RuleFor(e => e.EvidenceIds).MaxItems(ReportLimits.MaxEvidencePerEntry);
        RuleForEach(e => e.EvidenceIds).NoNullItems().NotEmpty();
        RuleFor(e => e.Explanation).MultiLine(ReportLimits.ExplanationMaxLength);
        RuleFor(e => e.Sources).MaxItems(ReportLimits.MaxSourcesPerEntry);
        RuleForEach(e => e.Sources).NoNullItems().SetValidator(new ContributionSourceInputValidator());
    }
}

/// <summary>Why a report goes back: a reason overall, notes per index, or both.</summary>
/// <param name="Reason">The reason overall.</param>
/// <param name="IndexNotes">What to correct, per index.</param>
public sealed record ReturnReportInput(string? Reason, IReadOnlyList<IndexNoteInput>? IndexNotes);

/// <param name="IndexCode">The index the note is about.</param>
/// <param name="Note">What to correct.</param>
public sealed record IndexNoteInput(string IndexCode, string Note);

public sealed class ReturnReportInputValidator : AbstractValidator<ReturnReportInput>
{
    public ReturnReportInputValidator()
    {
        RuleFor(r => r.Reason).MultiLine(ReportLimits.ReasonMaxLength);
        RuleFor(r => r.IndexNotes).MaxItems(ReportLimits.MaxEntries);
        RuleForEach(r => r.IndexNotes).NoNullItems().SetValidator(new IndexNoteInputValidator());
    }
}

public sealed class IndexNoteInputValidator : AbstractValidator<IndexNoteInput>
{
    public IndexNoteInputValidator()
    {
        RuleFor(n => n.IndexCode).NotEmpty().IndexCode();
        RuleFor(n => n.Note).NotEmpty().MultiLine(ReportLimits.ReasonMaxLength);
    }
}
