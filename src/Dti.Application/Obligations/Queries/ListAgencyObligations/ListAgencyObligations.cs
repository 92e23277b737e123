using Dti.Application.Calendar;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Deadlines;
using Dti.Application.Deadlines.Queries;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dti.Application.Obligations.Queries.ListAgencyObligations;

/// <summary>
/// Every report one agency owes the coordinator in [From, To] (by default this assessment year, see
/// <see cref="ObligationDateRange.WithinAssessmentYear"/>) as the lead of indices in issued plans.
/// </summary>
public sealed record ListAgencyObligationsQuery(Guid AgencyId, DateOnly? From, DateOnly? To, bool IncludeCooperating) : IRequest<AgencyObligationsDto>
{
    internal ObligationDateRange Range(DateOnly today) => ObligationDateRange.WithinAssessmentYear(From, To, today);
}

public sealed class ListAgencyObligationsValidator : AbstractValidator<ListAgencyObligationsQuery>
{
    public ListAgencyObligationsValidator(TimeProvider clock) =>
        RuleFor(q => q.Range(VietnamClock.Today(clock))).SetValidator(new DeadlineRangeValidator(ObligationLimits.MaxRangeYears)).OverridePropertyName(string.Empty);
}

public sealed class ListAgencyObligationsHandler(
    IApplicationDbContext db, WorkingCalendarSource calendars, ICurrentClient client, TimeProvider clock, IOptions<DeadlineOptions> options)
    : IRequestHandler<ListAgencyObligationsQuery, AgencyObligationsDto>
{
    public async Task<AgencyObligationsDto> Handle(ListAgencyObligationsQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureVisibleAgencyAsync(client, request.AgencyId, cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var horizon = options.Value.DueSoonWorkingDays;
        var range = request.Range(VietnamClock.Today(clock));
        var filter = new ObligationFilter(range.From, range.To, [request.AgencyId], null, request.IncludeCooperating);
        var obligations = await ObligationSchedule.ComputeAsync(db, calendar, filter, now, horizon, cancellationToken);
        return new AgencyObligationsDto(request.AgencyId, range.From, range.To, now, horizon, obligations);
    }
}

internal static class AgencyVisibility
{
    /// <summary>404 for an agency that does not exist or that the client does not see — the two cannot be told apart.</summary>
    public static async Task EnsureVisibleAgencyAsync(this IApplicationDbContext db, ICurrentClient client, Guid agencyId, CancellationToken cancellationToken)
    {
        client.EnsureSees([agencyId], "Agency", agencyId.ToString());
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            throw new NotFoundException("Agency", agencyId.ToString());
        }
    }
}
