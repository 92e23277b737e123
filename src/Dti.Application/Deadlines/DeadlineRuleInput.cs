using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using FluentValidation;

namespace Dti.Application.Deadlines;

/// <summary>
/// A deadline rule as a client sends it: EITHER <see cref="Text"/> (a Vietnamese or English sentence, with an
/// optional <see cref="Name"/> and <see cref="LegalBasis"/>) OR the structured parts
/// (<see cref="Name"/>, <see cref="Frequency"/>, <see cref="Due"/>, <see cref="Boundary"/>, and optionally
/// <see cref="Cutoff"/> — default Decree09 — and <see cref="Adjustment"/> — default NextWorkingDay).
/// </summary>
public sealed record DeadlineRuleInput(
    string? Name,
    string? Text,
    ReportingFrequency? Frequency,
    DueAnchorDto? Due,
    DeadlineBoundary? Boundary,
    CutoffConvention? Cutoff,
    HolidayAdjustment? Adjustment,
    LegalBasisDto? LegalBasis)
{
    /// <summary>The rule this input describes.</summary>
    /// <exception cref="DomainException">The text is not understood, or the parts do not fit together.</exception>
    public DeadlineRule ToRule()
    {
        var basis = LegalBasis is null ? null : new LegalBasis(LegalBasis.DocumentNumber, LegalBasis.IssuedOn);
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

            return DeadlineRule.Create(parsed.Name, parsed.Frequency, parsed.Due, parsed.Boundary, parsed.Cutoff, parsed.Adjustment, basis);
        }

        return DeadlineRule.Create(
            Name!,
            Frequency!.Value,
            Due!.ToAnchor(),
            Boundary!.Value,
            Cutoff ?? CutoffConvention.Decree09,
            Adjustment ?? HolidayAdjustment.NextWorkingDay,
            basis);
    }
}

public sealed class DeadlineRuleInputValidator : AbstractValidator<DeadlineRuleInput>
{
    private const string EitherOr = "Give either 'text' or the structured parts (frequency, due, boundary, cutoff, adjustment), not both.";

    public DeadlineRuleInputValidator()
    {
        RuleFor(r => r.Name).MaximumLength(DeadlineRule.MaxNameLength);
        RuleFor(r => r.Text).MaximumLength(DeadlineRuleDefinition.MaxTextLength);
        RuleFor(r => r.LegalBasis!.DocumentNumber).NotEmpty().MaximumLength(DeadlineRule.MaxDocumentNumberLength).When(r => r.LegalBasis is not null);

        When(r => !string.IsNullOrWhiteSpace(r.Text), () =>
        {
            RuleFor(r => r.Frequency).Null().WithMessage(EitherOr);
            RuleFor(r => r.Due).Null().WithMessage(EitherOr);
            RuleFor(r => r.Boundary).Null().WithMessage(EitherOr);
            RuleFor(r => r.Cutoff).Null().WithMessage(EitherOr);
            RuleFor(r => r.Adjustment).Null().WithMessage(EitherOr);
        }).Otherwise(() =>
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("'name' is required (or give the rule as 'text').");
            RuleFor(r => r.Frequency).NotNull().IsInEnum();
            RuleFor(r => r.Boundary).NotNull().IsInEnum();
            RuleFor(r => r.Cutoff).IsInEnum();
            RuleFor(r => r.Adjustment).IsInEnum();
            RuleFor(r => r.Due).NotNull().SetValidator(new DueAnchorValidator()!);
        });
    }

    private sealed class DueAnchorValidator : AbstractValidator<DueAnchorDto>
    {
        public DueAnchorValidator()
        {
            RuleFor(d => d.Kind).IsInEnum();
            RuleFor(d => d.Day).NotNull().When(d => d.Kind is DueAnchorKind.DayOfLastMonth or DueAnchorKind.FixedDate);
            RuleFor(d => d.Month).NotNull().When(d => d.Kind == DueAnchorKind.FixedDate);
            RuleFor(d => d.WorkingDays).NotNull().When(d => d.Kind == DueAnchorKind.WorkingDaysAfterCutoff);
            RuleFor(d => d.Date).NotNull().When(d => d.Kind == DueAnchorKind.ExplicitDate);
        }
    }
}
