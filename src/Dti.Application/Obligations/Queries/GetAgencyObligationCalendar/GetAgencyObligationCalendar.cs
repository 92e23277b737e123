using System.Globalization;
using Dti.Application.Agencies;
using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Deadlines;
using Dti.Application.Deadlines.Queries;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dti.Application.Obligations.Queries.GetAgencyObligationCalendar;

/// <summary>
/// An agency's obligations as an RFC 5545 iCalendar feed: one all-day event on each last allowed day. Without
/// <c>from</c>/<c>to</c> the feed runs from a year ago to two years ahead, so a subscribed calendar keeps moving.
/// </summary>
public sealed record GetAgencyObligationCalendarQuery(Guid AgencyId, DateOnly? From, DateOnly? To) : IRequest<IcsCalendar>, IAgencyScoped
{
    public const int DefaultYearsBack = 1;
    public const int DefaultYearsAhead = 2;

    public AgencyScope Scope => AgencyScope.Agency(AgencyId);

    internal ObligationDateRange Range(DateOnly today) => new(From ?? today.AddYears(-DefaultYearsBack), To ?? today.AddYears(DefaultYearsAhead));
}

public sealed class GetAgencyObligationCalendarValidator : AbstractValidator<GetAgencyObligationCalendarQuery>
{
    public GetAgencyObligationCalendarValidator(TimeProvider clock) =>
        RuleFor(q => q.Range(VietnamClock.Today(clock))).SetValidator(new DeadlineRangeValidator(ObligationLimits.MaxRangeYears)).OverridePropertyName(string.Empty);
}

public sealed class GetAgencyObligationCalendarHandler(
    IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, TimeProvider clock, IOptions<DeadlineOptions> options)
    : IRequestHandler<GetAgencyObligationCalendarQuery, IcsCalendar>
{
    public async Task<IcsCalendar> Handle(GetAgencyObligationCalendarQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureExistsAsync(request.AgencyId, cancellationToken);
        var agencyName = await db.Agencies.Where(a => a.Id == request.AgencyId).Select(a => a.ShortName).SingleAsync(cancellationToken);
        var range = request.Range(VietnamClock.Today(clock));
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var filter = new ObligationFilter(range.From, range.To, [request.AgencyId], null, IncludeCooperating: false);
        var obligations = await ObligationSchedule.ComputeAsync(db, config, calendar, filter, now, options.Value.DueSoonWorkingDays, cancellationToken);
        var events = obligations.Select(o => new IcsEvent(
            $"{o.Agency.Id:N}-{o.Plan.Id:N}-{o.Rule.Id:N}-{o.PeriodId}@dti-api",
            o.LastAllowedDay,
            $"{o.Rule.Name} — {o.PeriodId} — {o.Plan.DocumentNumber}",
            Description(o)));
        return new IcsCalendar($"DTI — {agencyName}", events, clock.GetUtcNow());
    }

    /// <summary>The plan and indices led, the data window, the last allowed instant, then the steps that explain it.</summary>
    private static IEnumerable<string> Description(ObligationDto o)
    {
        yield return $"Plan {o.Plan.DocumentNumber}; indices led: {string.Join(", ", o.IndexCodes)}";
        yield return string.Create(CultureInfo.InvariantCulture, $"Data window: {o.DataWindow.From:yyyy-MM-dd} – {o.DataWindow.To:yyyy-MM-dd}");
        yield return $"Last allowed instant: {o.LastAllowedInstant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)}";
        foreach (var step in o.Steps)
        {
            yield return step;
        }
    }
}
