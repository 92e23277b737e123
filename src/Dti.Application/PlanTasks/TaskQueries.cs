using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Plans;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks;

internal static class TaskQueries
{
    /// <summary>
    /// Loads a task for change together with its plan (read-only), in one statement: a change to a task is checked
    /// against the plan's state. 404 names the plan when it is missing, else the task; a stale If-Match throws 412. Whether
    /// the caller may reach the task was decided before (the request's <see cref="Common.Security.AgencyScope.PlanTask"/>), so
    /// a stale If-Match on another agency's task reveals nothing.
    /// </summary>
    public static async Task<(PlanTask Task, Plan Plan)> GetTaskAndPlanForUpdateAsync(
        this IApplicationDbContext db, Guid planId, Guid taskId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await (
                from t in db.PlanTasks.Include(t => t.Cooperators).AsSingleQuery()
                join p in db.Plans on t.PlanId equals p.Id
                where t.Id == taskId && t.PlanId == planId
                select new { Task = t, Plan = p })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            _ = await db.GetPlanAsync(planId, cancellationToken);
            throw new NotFoundException("Task", taskId.ToString());
        }

        PreconditionFailedException.ThrowIfStale("Task", taskId.ToString(), found.Task.Version, expectedVersion);
        return (found.Task, found.Plan);
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
