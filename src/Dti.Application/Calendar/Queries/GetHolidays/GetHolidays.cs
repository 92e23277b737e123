using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Domain.Calendar;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Calendar.Queries.GetHolidays;

/// <summary>A year's days off besides ordinary weekends, and its weekend days worked instead.</summary>
public sealed record GetHolidaysQuery(int Year) : IRequest<YearHolidaysDto>;

public sealed record YearHolidaysDto(
    [property: Range(WorkingCalendar.MinYear, WorkingCalendar.MaxYear)] int Year,
    bool OfficialScheduleApplies,
    [property: MaxLength(WorkingCalendar.MaxDaysInYear)] IReadOnlyList<HolidayDto> Holidays,
    [property: MaxLength(WorkingCalendar.MaxDaysInYear)] IReadOnlyList<WorkingWeekendDayDto> WorkingWeekendDays);

public sealed record HolidayDto(
    DateOnly Date,
    [property: MaxLength(OfficialSchedule.MaxReasonLength), RegularExpression(TextRules.SingleLinePattern)] string Name,
    HolidaySource Source,
    [property: MaxLength(WorkingCalendar.MaxExplanationLength), RegularExpression(TextRules.SingleLinePattern)] string Reason);

/// <summary>A Saturday or Sunday that the official schedule makes a working day.</summary>
public sealed record WorkingWeekendDayDto(
    DateOnly Date,
    DayOfWeek DayOfWeek,
    [property: MaxLength(WorkingCalendar.MaxExplanations), ItemLimits(WorkingCalendar.MaxExplanationLength, TextRules.SingleLinePattern)] IReadOnlyList<string> Reasons);

public sealed class GetHolidaysValidator : AbstractValidator<GetHolidaysQuery>
{
    public GetHolidaysValidator() => RuleFor(q => q.Year).WithinCalendar();
}

public sealed class GetHolidaysHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config) : IRequestHandler<GetHolidaysQuery, YearHolidaysDto>
{
    public async Task<YearHolidaysDto> Handle(GetHolidaysQuery request, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var holidays = calendar.HolidaysOf(request.Year).Adapt<List<HolidayDto>>(config);
        var workingWeekends = new List<WorkingWeekendDayDto>();
        for (var day = new DateOnly(request.Year, 1, 1); day.Year == request.Year; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && calendar.IsWorkingDay(day))
            {
                workingWeekends.Add(new WorkingWeekendDayDto(day, day.DayOfWeek, calendar.Explain(day).Reasons));
            }
        }

        return new YearHolidaysDto(request.Year, calendar.HasOfficialSchedule(request.Year), holidays, workingWeekends);
    }
}
