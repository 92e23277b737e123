using Dti.Domain.Calendar;
using FluentValidation;

namespace Dti.Application.Deadlines.Queries;

/// <summary>A range of last allowed days asked about, both ends included.</summary>
public interface IDeadlineRange
{
    DateOnly From { get; }

    DateOnly To { get; }
}

/// <summary>The range must be ordered, inside the calendar's years and at most <see cref="MaxYears"/> (or the given number of) years long.</summary>
public sealed class DeadlineRangeValidator : AbstractValidator<IDeadlineRange>
{
    public const int MaxYears = 20;

    public DeadlineRangeValidator()
        : this(MaxYears)
    {
    }

    public DeadlineRangeValidator(int maxYears)
    {
        RuleFor(r => r.From).Must(d => d.Year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear)
            .WithMessage($"'from' must lie in {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.");
        RuleFor(r => r.To).Must(d => d.Year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear)
            .WithMessage($"'to' must lie in {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.");
        RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).WithMessage("'to' must not be before 'from'.");
        RuleFor(r => r.To).Must((r, to) => to < r.From.AddYears(maxYears))
            .When(r => r.From.Year <= DateOnly.MaxValue.Year - maxYears)
            .WithMessage($"The range may span at most {maxYears} years.");
    }
}
