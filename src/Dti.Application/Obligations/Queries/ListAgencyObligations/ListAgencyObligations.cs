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
using Microsoft.Extensions.Options;
using Dti.Application.Common.Models;

namespace Dti.Application.Obligations.Queries.ListAgencyObligations;

/// <summary>
/// The reports one agency owes the coordinator in [From, To] (by default this assessment year, see
/// <see cref="ObligationDateRange.WithinAssessmentYear"/>) as the lead of indices in issued plans, a page at a time.
/// </summary>
public sealed record ListAgencyObligationsQuery(Guid AgencyId, DateOnly? From, DateOnly? To, bool IncludeCooperating, PageRequest Paging)
    : IRequest<AgencyObligationsDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(AgencyId);

    internal ObligationDateRange Range(DateOnly today) => ObligationDateRange.WithinAssessmentYear(From, To, today);
}

public sealed class ListAgencyObligationsValidator : AbstractValidator<ListAgencyObligationsQuery>
{
    public ListAgencyObligationsValidator(TimeProvider clock)
    {
        RuleFor(q => q.Range(VietnamClock.Today(clock))).SetValidator(new DeadlineRangeValidator(ObligationLimits.MaxRangeYears)).OverridePropertyName(string.Empty);
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class ListAgencyObligationsHandler(
    IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, TimeProvider clock, IOptions<DeadlineOptions> options)
    : IRequestHandler<ListAgencyObligationsQuery, AgencyObligationsDto>
{
    public async Task<AgencyObligationsDto> Handle(ListAgencyObligationsQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureExistsAsync(request.AgencyId, cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var horizon = options.Value.DueSoonWorkingDays;
        var range = request.Range(VietnamClock.Today(clock));
        var filter = new ObligationFilter(range.From, range.To, [request.AgencyId], null, request.IncludeCooperating);
        var page = await ObligationSchedule.PageAsync(db, config, calendar, filter, null, now, horizon, request.Paging, cancellationToken);
        return new AgencyObligationsDto(request.AgencyId, range.From, range.To, now, horizon, page.Items, page.Page, page.PageSize, page.TotalCount, page.TotalPages);
    }
}
