using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
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
    LegalBasisDto? LegalBasis,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextVi,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextEn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A rule read from text and not stored: its parts and both renderings.</summary>
[LimitsOf(typeof(DeadlineRuleInput))]
public sealed record ParsedDeadlineRuleDto(
    string Name,
    ReportingFrequency Frequency,
    DueAnchorDto Due,
    DeadlineBoundary Boundary,
    CutoffConvention Cutoff,
    HolidayAdjustment Adjustment,
    LegalBasisDto? LegalBasis,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextVi,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextEn);

/// <summary>
/// Where the deadline nominally falls. <c>DayOfLastMonth</c> uses <see cref="Day"/>; <c>FixedDate</c> uses
/// <see cref="Day"/>, <see cref="Month"/> and <see cref="FollowingYear"/> (annual rules only);
/// <c>WorkingDaysAfterCutoff</c> uses <see cref="WorkingDays"/>; <c>ExplicitDate</c> (one-off rules) uses <see cref="Date"/>.
/// </summary>
[LimitsOf(typeof(DueAnchorInput))]
public sealed record DueAnchorDto(DueAnchorKind Kind, int? Day, int? Month, bool? FollowingYear, int? WorkingDays, DateOnly? Date);

/// <summary>The legal document a rule comes from, e.g. 170/KH-UBND issued 2023-08-11.</summary>
[LimitsOf(typeof(LegalBasisInput))]
public sealed record LegalBasisDto(string DocumentNumber, DateOnly IssuedOn);
