using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Application.Deadlines;
using Dti.Application.Deadlines.Queries;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Obligations.Queries.ListObligations;

/// <summary>
/// Every report owed in [From, To] (by last allowed day; by default this assessment year, see
/// <see cref="ObligationDateRange.WithinAssessmentYear"/>): lead agencies of issued plans × the plans' reporting rules ×
/// periods. Clients that do not see every agency get only their agencies' obligations.
/// </summary>
public sealed record ListObligationsQuery(
    DateOnly? From, DateOnly? To, Guid? AgencyId, Guid? PlanId, ObligationStatus? Status, bool IncludeCooperating, PageRequest Paging)
    : IRequest<ObligationPageDto>, IAgencyFiltered
{
    internal ObligationDateRange Range(DateOnly today) => ObligationDateRange.WithinAssessmentYear(From, To, today);
}

public sealed class ListObligationsValidator : AbstractValidator<ListObligationsQuery>
{
    public ListObligationsValidator(TimeProvider clock)
    {
        RuleFor(q => q.Range(VietnamClock.Today(clock))).SetValidator(new DeadlineRangeValidator(ObligationLimits.MaxRangeYears)).OverridePropertyName(string.Empty);
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class ListObligationsHandler(
    IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, AgencyContext context, TimeProvider clock, IOptions<DeadlineOptions> options)
    : IRequestHandler<ListObligationsQuery, ObligationPageDto>
{
    public async Task<ObligationPageDto> Handle(ListObligationsQuery request, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<Guid>? agencies = request.AgencyId is { } one ? [one] : null;
        if (context.VisibleAgencies is { } visible)
        {
            agencies = (agencies ?? visible).Where(visible.Contains).ToList();
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var horizon = options.Value.DueSoonWorkingDays;
        var range = request.Range(VietnamClock.Today(clock));
        var filter = new ObligationFilter(range.From, range.To, agencies, request.PlanId, request.IncludeCooperating);
        var page = await ObligationSchedule.PageAsync(db, config, calendar, filter, request.Status, now, horizon, request.Paging, cancellationToken);
        return new ObligationPageDto(page.Items, page.Page, page.PageSize, page.TotalCount, page.TotalPages, now, horizon);
    }
}
