using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Plans;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments;

internal static class AssignmentQueries
{
    /// <summary>Loads an assignment of a plan for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<IndexAssignment> GetAssignmentForUpdateAsync(this IApplicationDbContext db, Guid planId, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var assignment = await db.IndexAssignments.Include(a => a.Cooperators).SingleOrDefaultAsync(a => a.Id == id && a.PlanId == planId, cancellationToken)
            ?? throw new NotFoundException("Assignment", id.ToString());
        PreconditionFailedException.ThrowIfStale("Assignment", id.ToString(), assignment.Version, expectedVersion);
        return assignment;
    }

    /// <summary>Assignments with their plan, for the cross-plan queries.</summary>
    public static async Task<List<PlanAssignmentDto>> WithPlansAsync(
        this IApplicationDbContext db, TypeAdapterConfig config, IQueryable<IndexAssignment> assignments, Func<IndexAssignment, HolderRole?> role, CancellationToken cancellationToken)
    {
        var list = await assignments.AsNoTracking().Include(a => a.Cooperators).ToListAsync(cancellationToken);
        var planIds = list.Select(a => a.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. list
            .Select(a => (Assignment: a, Plan: plans[a.PlanId]))
            .OrderBy(r => r.Plan.IssueDate).ThenBy(r => r.Plan.DocumentNumber, StringComparer.Ordinal).ThenBy(r => r.Assignment.IndexCode, StringComparer.Ordinal)
            .Select(r => new PlanAssignmentDto(r.Assignment.Adapt<AssignmentDto>(config), r.Plan.DocumentNumber, r.Plan.Status, r.Plan.FirstAssessmentYear, r.Plan.LastAssessmentYear, role(r.Assignment)))];
    }

    public static IQueryable<Plan> CoveringYear(this IQueryable<Plan> plans, int year) =>
        plans.Where(p => p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year);
}
