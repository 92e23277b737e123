using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Domain.Calendar;
using FluentValidation;
using MediatR;

namespace Dti.Application.Calendar.Queries.GetDay;

/// <summary>Whether a day is a working day for public offices, and every reason why.</summary>
public sealed record GetDayQuery(DateOnly Date) : IRequest<DayDto>;

/// <param name="Date">The day.</param>
/// <param name="DayOfWeek">Its day of the week.</param>
/// <param name="IsWorkingDay">True when public offices work that day.</param>
/// <param name="Reasons">Every fact that decided it: weekly day off, statutory holiday, compensatory day, official schedule.</param>
/// <param name="OfficialScheduleApplies">True when the year follows an official schedule rather than the computed Labour Code holidays.</param>
public sealed record DayDto(
    DateOnly Date,
    DayOfWeek DayOfWeek,
    bool IsWorkingDay,
    [property: MaxLength(WorkingCalendar.MaxExplanations), ItemLimits(WorkingCalendar.MaxExplanationLength, TextRules.SingleLinePattern)] IReadOnlyList<string> Reasons,
    bool OfficialScheduleApplies);

public sealed class GetDayValidator : AbstractValidator<GetDayQuery>
{
    public GetDayValidator() => RuleFor(q => q.Date).WithinCalendar();
}

public sealed class GetDayHandler(IApplicationDbContext db, WorkingCalendarSource calendars) : IRequestHandler<GetDayQuery, DayDto>
{
    public async Task<DayDto> Handle(GetDayQuery request, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var day = calendar.Explain(request.Date);
        return new DayDto(day.Date, day.Date.DayOfWeek, day.IsWorkingDay, day.Reasons, calendar.HasOfficialSchedule(day.Date.Year));
    }
}
