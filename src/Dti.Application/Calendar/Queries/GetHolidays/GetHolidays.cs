using Dti.Application.Common.Interfaces;
using Dti.Domain.Calendar;
using FluentValidation;
using MediatR;

namespace Dti.Application.Calendar.Queries.GetHolidays;

/// <summary>A year's days off besides ordinary weekends, and its weekend days worked instead.</summary>
public sealed record GetHolidaysQuery(int Year) : IRequest<YearHolidaysDto>;

public sealed record YearHolidaysDto(int Year, bool OfficialScheduleApplies, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<WorkingWeekendDayDto> WorkingWeekendDays);

public sealed record HolidayDto(DateOnly Date, string Name, HolidaySource Source, string Reason);

/// <summary>A Saturday or Sunday that the official schedule makes a working day.</summary>
public sealed record WorkingWeekendDayDto(DateOnly Date, DayOfWeek DayOfWeek, IReadOnlyList<string> Reasons);

public sealed class GetHolidaysValidator : AbstractValidator<GetHolidaysQuery>
{
    public GetHolidaysValidator() => RuleFor(q => q.Year).WithinCalendar();
}

public sealed class GetHolidaysHandler(IApplicationDbContext db, WorkingCalendarSource calendars) : IRequestHandler<GetHolidaysQuery, YearHolidaysDto>
{
    public async Task<YearHolidaysDto> Handle(GetHolidaysQuery request, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var holidays = calendar.HolidaysOf(request.Year).Select(h => new HolidayDto(h.Date, h.Name, h.Source, h.Reason)).ToList();
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
