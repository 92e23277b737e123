using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Agencies;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Dti.Application.Common.Models;

namespace Dti.Application.Assignments.Queries.ListAgencyAssignments;

/// <summary>Everything an agency answers for, as lead or cooperating, optionally in plans covering one assessment year.</summary>
public sealed record ListAgencyAssignmentsQuery(Guid AgencyId, int? Year, PageRequest Paging) : IRequest<PagedList<PlanAssignmentDto>>;

public sealed class ListAgencyAssignmentsValidator : AbstractValidator<ListAgencyAssignmentsQuery>
{
    public ListAgencyAssignmentsValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class ListAgencyAssignmentsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListAgencyAssignmentsQuery, PagedList<PlanAssignmentDto>>
{
    public async Task<PagedList<PlanAssignmentDto>> Handle(ListAgencyAssignmentsQuery request, CancellationToken cancellationToken)
    {
        var id = request.AgencyId;
        if (!await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new NotFoundException("Agency", id.ToString());
        }

        var assignments = db.IndexAssignments.Where(a => a.LeadAgencyId == id || a.Cooperators.Any(c => c.AgencyId == id));
        if (request.Year is { } year)
        {
            var plans = db.Plans.CoveringYear(year).Select(p => p.Id);
            assignments = assignments.Where(a => plans.Contains(a.PlanId));
        }

        return PagedList<PlanAssignmentDto>.Of(
            await db.WithPlansAsync(config, assignments, a => a.LeadAgencyId == id ? HolderRole.Lead : HolderRole.Cooperating, cancellationToken), request.Paging);
    }
}
