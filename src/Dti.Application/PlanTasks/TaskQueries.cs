using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks;

internal static class TaskQueries
{
    /// <summary>
    /// Loads a task of a plan for change, or throws 404; a stale If-Match throws 412. Whether the caller may reach the
    /// task was decided before (the request's <see cref="Common.Security.AgencyScope.PlanTask"/>), so a stale If-Match
    /// on another agency's task reveals nothing.
    /// </summary>
    public static async Task<PlanTask> GetTaskForUpdateAsync(this IApplicationDbContext db, Guid planId, Guid taskId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var task = await db.PlanTasks.Include(t => t.Cooperators).SingleOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, cancellationToken)
            ?? throw new NotFoundException("Task", taskId.ToString());
        PreconditionFailedException.ThrowIfStale("Task", taskId.ToString(), task.Version, expectedVersion);
        return task;
    }

    /// <summary>Tasks that one of <paramref name="agencies"/> leads or cooperates on; every task when null.</summary>
    public static IQueryable<PlanTask> HeldBy(this IQueryable<PlanTask> tasks, IReadOnlyCollection<Guid>? agencies)
    {
        if (agencies is null)
        {
            return tasks;
        }

        var ids = agencies.ToList();
        return tasks.Where(t => ids.Contains(t.LeadAgencyId) || t.Cooperators.Any(c => ids.Contains(c.AgencyId)));
    }
}
