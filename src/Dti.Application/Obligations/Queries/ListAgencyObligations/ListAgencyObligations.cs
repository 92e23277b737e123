using Dti.Application.Calendar;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Deadlines;
using Dti.Application.Deadlines.Queries;
using Dti.Domain.Deadlines;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Dti.Application.Common.Models;

namespace Dti.Application.Obligations.Queries.ListAgencyObligations;

/// <summary>The reports one agency owes the coordinator in [From, To] as the lead of indices in issued plans, a page at a time.</summary>
public sealed record ListAgencyObligationsQuery(Guid AgencyId, DateOnly From, DateOnly To, bool IncludeCooperating, PageRequest Paging)
    : IRequest<AgencyObligationsDto>, IDeadlineRange;

public sealed class ListAgencyObligationsValidator : AbstractValidator<ListAgencyObligationsQuery>
{
    public ListAgencyObligationsValidator()
    {
        Include(new DeadlineRangeValidator(ObligationLimits.MaxRangeYears));
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
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
        var filter = new ObligationFilter(request.From, request.To, [request.AgencyId], null, request.IncludeCooperating);
        var obligations = await ObligationSchedule.ComputeAsync(db, calendar, filter, now, horizon, cancellationToken);
        var page = PagedList<ObligationDto>.Of(obligations, request.Paging);
        return new AgencyObligationsDto(request.AgencyId, request.From, request.To, now, horizon, page.Items, page.Page, page.PageSize, page.TotalCount, page.TotalPages);
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
