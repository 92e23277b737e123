using Dti.Application.Agencies;
using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Deadlines;
using Dti.Application.Deadlines.Queries;
using Dti.Domain.Deadlines;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Obligations.Queries.ListAgencyObligations;

/// <summary>Every report one agency owes the coordinator in [From, To] as the lead of indices in issued plans.</summary>
public sealed record ListAgencyObligationsQuery(Guid AgencyId, DateOnly From, DateOnly To, bool IncludeCooperating) : IRequest<AgencyObligationsDto>, IDeadlineRange, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(AgencyId);
}

public sealed class ListAgencyObligationsValidator : AbstractValidator<ListAgencyObligationsQuery>
{
    public ListAgencyObligationsValidator() => Include(new DeadlineRangeValidator(ObligationLimits.MaxRangeYears));
}

public sealed class ListAgencyObligationsHandler(
    IApplicationDbContext db, WorkingCalendarSource calendars, TimeProvider clock, IOptions<DeadlineOptions> options)
    : IRequestHandler<ListAgencyObligationsQuery, AgencyObligationsDto>
{
    public async Task<AgencyObligationsDto> Handle(ListAgencyObligationsQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureExistsAsync(request.AgencyId, cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var horizon = options.Value.DueSoonWorkingDays;
        var filter = new ObligationFilter(request.From, request.To, [request.AgencyId], null, request.IncludeCooperating);
        var obligations = await ObligationSchedule.ComputeAsync(db, calendar, filter, now, horizon, cancellationToken);
        return new AgencyObligationsDto(request.AgencyId, request.From, request.To, now, horizon, obligations);
    }
}
