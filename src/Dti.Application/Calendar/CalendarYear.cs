using Dti.Domain.Calendar;
using FluentValidation;

namespace Dti.Application.Calendar;

/// <summary>The years the working calendar covers, as a validation rule shared by the calendar use cases.</summary>
internal static class CalendarYear
{
    public static IRuleBuilderOptions<T, int> WithinCalendar<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(WorkingCalendar.MinYear, WorkingCalendar.MaxYear)
            .WithMessage($"The working calendar covers {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.");

    public static IRuleBuilderOptions<T, DateOnly> WithinCalendar<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(d => d.Year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear)
            .WithMessage($"The working calendar covers {WorkingCalendar.MinYear}-01-01 to {WorkingCalendar.MaxYear}-12-31.");
}
