using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Plans;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks;

/// <summary>
/// The task (tracked, with its cooperators) and its plan, compiled once per application (a singleton: a compiled query
/// belongs to one model): every progress report and task change begins with it, and uncompiled EF walks and hashes the
/// expression tree on every call to find it in its query cache.
/// </summary>
public sealed class TaskAndPlanById
{
    private readonly Func<DbContext, Guid, Guid, CancellationToken, Task<TaskWithPlan?>> _query =
        EF.CompileAsyncQuery((DbContext context, Guid taskId, Guid planId, CancellationToken cancellationToken) =>
            (from t in context.Set<PlanTask>().Include(t => t.Cooperators).AsSingleQuery()
             join p in context.Set<Plan>() on t.PlanId equals p.Id
             where t.Id == taskId && t.PlanId == planId
             select new TaskWithPlan(t, p))
            .SingleOrDefault());

    /// <summary>The task and its plan, tracked by <paramref name="db"/> (the request's unit of work), or null.</summary>
    public Task<TaskWithPlan?> ReadAsync(IApplicationDbContext db, Guid planId, Guid taskId, CancellationToken cancellationToken) =>
        _query((DbContext)db, taskId, planId, cancellationToken);
}

/// <summary>A task with the plan it belongs to.</summary>
public sealed record TaskWithPlan(PlanTask Task, Plan Plan);

internal static class TaskQueries
{
    /// <summary>
    /// Loads a task for change together with its plan (read-only), in one statement: a change to a task is checked
    /// against the plan's state. 404 names the plan when it is missing, else the task; a stale If-Match throws 412. Whether
    /// the caller may reach the task was decided before (the request's <see cref="Common.Security.AgencyScope.PlanTask"/>), so
    /// a stale If-Match on another agency's task reveals nothing.
    /// </summary>
    public static async Task<(PlanTask Task, Plan Plan)> GetTaskAndPlanForUpdateAsync(
        this IApplicationDbContext db, TaskAndPlanById query, Guid planId, Guid taskId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await query.ReadAsync(db, planId, taskId, cancellationToken);
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
