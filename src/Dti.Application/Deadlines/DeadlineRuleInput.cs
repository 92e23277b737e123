using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using FluentValidation;
using Dti.Application.Common.Validation;

namespace Dti.Application.Deadlines;

/// <summary>
/// A deadline rule as a client sends it: EITHER <see cref="Text"/> (a Vietnamese or English sentence, with an
/// optional <see cref="Name"/> and <see cref="LegalBasis"/>) OR the structured parts
/// (<see cref="Name"/>, <see cref="Frequency"/>, <see cref="Due"/>, <see cref="Boundary"/>, and optionally
/// <see cref="Cutoff"/> — default Decree09 —, <see cref="Adjustment"/> — default NextWorkingDay — and
/// <see cref="TimeOfDay"/> — default the end of the day).
/// </summary>
public sealed record DeadlineRuleInput(
    string? Name,
    string? Text,
    ReportingFrequency? Frequency,
    DueAnchorInput? Due,
    DeadlineBoundary? Boundary,
    CutoffConvention? Cutoff,
    HolidayAdjustment? Adjustment,
    LegalBasisInput? LegalBasis,
    TimeOnly? TimeOfDay = null)
{
    /// <summary>The rule this input describes.</summary>
    /// <exception cref="DomainException">The text is not understood, or the parts do not fit together.</exception>
    public DeadlineRule ToRule()
    {
        var basis = LegalBasis is null ? null : new LegalBasis(LegalBasis.DocumentNumber, LegalBasis.IssuedOn!.Value);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var parsed = DeadlineRuleText.Parse(Text, string.IsNullOrWhiteSpace(Name) ? null : Name);
            if (basis is null)
            {
                return parsed;
            }

            if (parsed.LegalBasis is not null)
            {
                throw new DomainException("deadline-rule.legal-basis-twice", "The text already names a legal basis; give it either in the text or in 'legalBasis'.", "legalBasis");
            }

            return DeadlineRule.Create(parsed.Name, parsed.Frequency, parsed.Due, parsed.Boundary, parsed.Cutoff, parsed.Adjustment, basis, parsed.TimeOfDay);
        }

        return DeadlineRule.Create(
            Name!,
            Frequency!.Value,
            Due!.ToAnchor(),
            Boundary!.Value,
            Cutoff ?? CutoffConvention.Decree09,
            Adjustment ?? HolidayAdjustment.NextWorkingDay,
            basis,
            TimeOfDay);
    }
}

/// <summary>
/// Where the deadline nominally falls, as a client sends it. <c>DayOfLastMonth</c> uses <see cref="Day"/>; <c>FixedDate</c>
/// uses <see cref="Day"/>, <see cref="Month"/> and <see cref="FollowingYear"/> (annual rules only);
/// <c>WorkingDaysAfterCutoff</c> uses <see cref="WorkingDays"/>; <c>ExplicitDate</c> (one-off rules) uses <see cref="Date"/>;
/// <c>DayOfMonthAfter</c> uses <see cref="Day"/> and <see cref="MonthsAfter"/> (day N of the month k months after the
/// period's last month); <c>DaysAfter</c> uses <see cref="Days"/>, <see cref="DayCount"/> and <see cref="CountedFrom"/>.
/// </summary>
public sealed record DueAnchorInput(
    DueAnchorKind? Kind,
    int? Day,
    int? Month,
    bool? FollowingYear,
    int? WorkingDays,
    DateOnly? Date,
    int? MonthsAfter = null,
    int? Days = null,
    DayCount? DayCount = null,
    DaysCountedFrom? CountedFrom = null)
{
    public DueAnchor ToAnchor() => Kind switch
    {
        DueAnchorKind.DayOfMonthAfter => new DueAnchor.DayOfMonthAfter(Day!.Value, MonthsAfter!.Value),
        DueAnchorKind.DaysAfter => new DueAnchor.DaysAfter(Days!.Value, DayCount!.Value, CountedFrom!.Value),
        DueAnchorKind.DayOfLastMonth => new DueAnchor.DayOfLastMonth(Day!.Value),
        DueAnchorKind.FixedDate => new DueAnchor.FixedDate(Day!.Value, Month!.Value, FollowingYear ?? false),
        DueAnchorKind.WorkingDaysAfterCutoff => new DueAnchor.WorkingDaysAfterCutoff(WorkingDays!.Value),
        _ => new DueAnchor.ExplicitDate(Date!.Value),
    };
}

/// <summary>The legal document a rule comes from, as a client sends it, e.g. 170/KH-UBND issued 2023-08-11.</summary>
public sealed record LegalBasisInput(string DocumentNumber, DateOnly? IssuedOn);

public sealed class DeadlineRuleInputValidator : AbstractValidator<DeadlineRuleInput>
{
    private const string EitherOr = "Give either 'text' or the structured parts (frequency, due, boundary, cutoff, adjustment, timeOfDay), not both.";

    public DeadlineRuleInputValidator()
    {
        RuleFor(r => r.Name).SingleLine(DeadlineRule.MaxNameLength);
        RuleFor(r => r.Text).SingleLine(DeadlineRuleDefinition.MaxTextLength);
        RuleFor(r => r.LegalBasis).SetValidator(new LegalBasisInputValidator()!);

        When(r => !string.IsNullOrWhiteSpace(r.Text), () =>
        {
            RuleFor(r => r.Frequency).Null().WithMessage(EitherOr);
            RuleFor(r => r.Due).Null().WithMessage(EitherOr);
            RuleFor(r => r.Boundary).Null().WithMessage(EitherOr);
            RuleFor(r => r.Cutoff).Null().WithMessage(EitherOr);
            RuleFor(r => r.Adjustment).Null().WithMessage(EitherOr);
            RuleFor(r => r.TimeOfDay).Null().WithMessage(EitherOr);
        }).Otherwise(() =>
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("'name' is required (or give the rule as 'text').");
            RuleFor(r => r.Frequency).NotNull().IsDefinedEnum();
            RuleFor(r => r.Boundary).NotNull().IsDefinedEnum();
            RuleFor(r => r.Cutoff).IsDefinedEnum();
            RuleFor(r => r.Adjustment).IsDefinedEnum();
            RuleFor(r => r.Due).NotNull().SetValidator(new DueAnchorInputValidator()!);
        });
    }
}

public sealed class DueAnchorInputValidator : AbstractValidator<DueAnchorInput>
{
    public DueAnchorInputValidator()
    {
        RuleFor(d => d.Kind).NotNull().IsDefinedEnum();
        RuleFor(d => d.Day).InclusiveBetween(1, DeadlineRule.MaxDayOfMonth);
        RuleFor(d => d.Month).InclusiveBetween(1, DeadlineRule.MaxMonth);
        RuleFor(d => d.WorkingDays).InclusiveBetween(1, DeadlineRule.MaxWorkingDays);
        RuleFor(d => d.Day).NotNull().When(d => d.Kind is DueAnchorKind.DayOfLastMonth or DueAnchorKind.FixedDate);
        RuleFor(d => d.Month).NotNull().When(d => d.Kind == DueAnchorKind.FixedDate);
        RuleFor(d => d.WorkingDays).NotNull().When(d => d.Kind == DueAnchorKind.WorkingDaysAfterCutoff);
        RuleFor(d => d.Date).NotNull().When(d => d.Kind == DueAnchorKind.ExplicitDate);
        RuleFor(d => d.MonthsAfter).InclusiveBetween(1, DeadlineRule.MaxMonthsAfter);
        RuleFor(d => d.Days).InclusiveBetween(1, DeadlineRule.MaxCalendarDays);
        RuleFor(d => d.DayCount).IsDefinedEnum();
        RuleFor(d => d.CountedFrom).IsDefinedEnum();
        RuleFor(d => d.Day).NotNull().When(d => d.Kind == DueAnchorKind.DayOfMonthAfter);
        RuleFor(d => d.MonthsAfter).NotNull().When(d => d.Kind == DueAnchorKind.DayOfMonthAfter);
        RuleFor(d => d.Days).NotNull().When(d => d.Kind == DueAnchorKind.DaysAfter);
        RuleFor(d => d.DayCount).NotNull().When(d => d.Kind == DueAnchorKind.DaysAfter);
        RuleFor(d => d.CountedFrom).NotNull().When(d => d.Kind == DueAnchorKind.DaysAfter);
    }
}

public sealed class LegalBasisInputValidator : AbstractValidator<LegalBasisInput>
{
    public LegalBasisInputValidator()
    {
        RuleFor(b => b.DocumentNumber).NotEmpty().SingleLine(DeadlineRule.MaxDocumentNumberLength);
        RuleFor(b => b.IssuedOn).NotNull();
    }
}
