using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Deadlines.Queries.GetDeadlineOccurrences;
using Dti.Domain.Deadlines;

namespace Dti.Application.Deadlines;

/// <summary>A stored deadline rule with its Vietnamese and English wording.</summary>
[LimitsOf(typeof(DeadlineRuleInput))]
public sealed record DeadlineRuleDto(
    Guid Id,
    string Name,
    ReportingFrequency Frequency,
    DueAnchorDto Due,
    DeadlineBoundary Boundary,
    CutoffConvention Cutoff,
    HolidayAdjustment Adjustment,
    TimeOnly? TimeOfDay,
    LegalBasisDto? LegalBasis,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextVi,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextEn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A rule read from text and not stored: its parts, both renderings, and its deadline for one sample period —
/// the first whose last allowed day is on or after the day asked for — with the steps that reach it.
/// </summary>
[LimitsOf(typeof(DeadlineRuleInput))]
public sealed record ParsedDeadlineRuleDto(
    string Name,
    ReportingFrequency Frequency,
    DueAnchorDto Due,
    DeadlineBoundary Boundary,
    CutoffConvention Cutoff,
    HolidayAdjustment Adjustment,
    TimeOnly? TimeOfDay,
    LegalBasisDto? LegalBasis,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextVi,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextEn,
    DeadlineOccurrenceDto? Sample);

/// <summary>What a sentence of deadline wording says.</summary>
/// <param name="Rules">Every periodic rule in the sentence, in its order (the Plan 170 sentence holds two). Create each with its own <c>textVi</c>.</param>
/// <param name="AdHocReportsAlsoRequired">The sentence also asks for ad hoc reports ("đột xuất"), which have no period and so no rule.</param>
public sealed record ParsedDeadlineTextDto(
    [property: MaxLength(ParsedDeadlineTextDto.MaxRules)] IReadOnlyList<ParsedDeadlineRuleDto> Rules,
    bool AdHocReportsAlsoRequired)
{
    /// <summary>A sentence that fits the text limit cannot name more rules than this.</summary>
    public const int MaxRules = 50;
}

/// <summary>
/// Where the deadline nominally falls. <c>DayOfLastMonth</c> uses <see cref="Day"/>; <c>FixedDate</c> uses
/// <see cref="Day"/>, <see cref="Month"/> and <see cref="FollowingYear"/> (annual rules only);
/// <c>WorkingDaysAfterCutoff</c> uses <see cref="WorkingDays"/>; <c>ExplicitDate</c> (one-off rules) uses <see cref="Date"/>;
/// <c>DayOfMonthAfter</c> uses <see cref="Day"/> and <see cref="MonthsAfter"/>; <c>DaysAfter</c> uses <see cref="Days"/>,
/// <see cref="DayCount"/> and <see cref="CountedFrom"/>.
/// </summary>
[LimitsOf(typeof(DueAnchorInput))]
public sealed record DueAnchorDto(
    DueAnchorKind Kind,
    int? Day,
    int? Month,
    bool? FollowingYear,
    int? WorkingDays,
    DateOnly? Date,
    int? MonthsAfter,
    int? Days,
    DayCount? DayCount,
    DaysCountedFrom? CountedFrom);

/// <summary>The legal document a rule comes from, e.g. 170/KH-UBND issued 2023-08-11.</summary>
[LimitsOf(typeof(LegalBasisInput))]
public sealed record LegalBasisDto(string DocumentNumber, DateOnly IssuedOn);
