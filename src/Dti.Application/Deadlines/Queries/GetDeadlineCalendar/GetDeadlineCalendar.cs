using System.Globalization;
using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Deadlines;
using FluentValidation;
using MediatR;

namespace Dti.Application.Deadlines.Queries.GetDeadlineCalendar;

/// <summary>A rule's deadlines in [From, To] as an RFC 5545 iCalendar document, one all-day event per period.</summary>
public sealed record GetDeadlineCalendarQuery(Guid Id, DateOnly From, DateOnly To) : IRequest<IcsCalendar>, IDeadlineRange;

public sealed class GetDeadlineCalendarValidator : AbstractValidator<GetDeadlineCalendarQuery>
{
    public GetDeadlineCalendarValidator() => Include(new DeadlineRangeValidator());
}

public sealed class GetDeadlineCalendarHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TimeProvider clock)
    : IRequestHandler<GetDeadlineCalendarQuery, IcsCalendar>
{
    public async Task<IcsCalendar> Handle(GetDeadlineCalendarQuery request, CancellationToken cancellationToken)
    {
        var definition = await db.GetRuleAsync(request.Id, null, tracked: false, cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var events = DeadlineCalculator.Occurrences(definition.ToRule(), request.From, request.To, calendar)
            .Select(o => new IcsEvent(
                $"{definition.Id:N}-{o.PeriodId}@dti-api",
                o.LastAllowedDay,
                $"{definition.Name} — {o.PeriodId}",
                (IEnumerable<string>)[
                    definition.TextVi,
                    definition.TextEn,
                    $"Last allowed instant: {o.LastAllowedInstant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)}",
                    .. o.Steps,
                ]));
        return new IcsCalendar(definition.Name, events, clock.GetUtcNow());
    }
}
