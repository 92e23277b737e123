using Dti.Application.Deadlines.Queries;
using Dti.Domain.Calendar;
using FluentValidation;

namespace Dti.Application.Obligations;

/// <summary>Obligation ranges fan out over every agency and plan, so they are shorter than a single rule's (at most <see cref="MaxYears"/> years).</summary>
public sealed class ObligationRangeValidator : AbstractValidator<IDeadlineRange>
{
    public const int MaxYears = 5;

    public ObligationRangeValidator()
    {
        RuleFor(r => r.From).Must(d => d.Year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear)
            .WithMessage($"'from' must lie in {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.");
        RuleFor(r => r.To).Must(d => d.Year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear)
            .WithMessage($"'to' must lie in {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.");
        RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).WithMessage("'to' must not be before 'from'.");
        RuleFor(r => r.To).Must((r, to) => to < r.From.AddYears(MaxYears))
            .When(r => r.From.Year <= DateOnly.MaxValue.Year - MaxYears)
            .WithMessage($"The range may span at most {MaxYears} years.");
    }
}
