using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Agencies;
using Dti.Domain.Frameworks;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments.Queries.ListAgencyAssignments;

/// <summary>Everything an agency answers for, as lead or cooperating, optionally in plans covering one assessment year.</summary>
public sealed record ListAgencyAssignmentsQuery(Guid AgencyId, int? Year) : IRequest<IReadOnlyList<PlanAssignmentDto>>;

public sealed class ListAgencyAssignmentsValidator : AbstractValidator<ListAgencyAssignmentsQuery>
{
    public ListAgencyAssignmentsValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear).When(q => q.Year is not null);
}

public sealed class ListAgencyAssignmentsHandler(IApplicationDbContext db) : IRequestHandler<ListAgencyAssignmentsQuery, IReadOnlyList<PlanAssignmentDto>>
{
    public async Task<IReadOnlyList<PlanAssignmentDto>> Handle(ListAgencyAssignmentsQuery request, CancellationToken cancellationToken)
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

        return await db.WithPlansAsync(assignments, a => a.LeadAgencyId == id ? HolderRole.Lead : HolderRole.Cooperating, cancellationToken);
    }
}
