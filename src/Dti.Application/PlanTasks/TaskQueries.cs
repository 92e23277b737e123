using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks;

internal static class TaskQueries
{
    /// <summary>
    /// Loads a task of a plan for change, or throws 404 — also when the caller does not act for its lead or a
    /// cooperating agency (checked before the version, so a stale If-Match reveals nothing); a stale If-Match throws 412.
    /// </summary>
    public static async Task<PlanTask> GetTaskForUpdateAsync(this IApplicationDbContext db, ICurrentClient client, Guid planId, Guid taskId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var task = await db.PlanTasks.Include(t => t.Cooperators).SingleOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, cancellationToken)
            ?? throw new NotFoundException("Task", taskId.ToString());
        client.EnsureActsForAny(task.Agencies(), "Task", taskId.ToString());
        PreconditionFailedException.ThrowIfStale("Task", taskId.ToString(), task.Version, expectedVersion);
        return task;
    }

    /// <summary>The tasks the caller may see: all for coordinators and readers, else those its agencies lead or cooperate on.</summary>
    public static IQueryable<PlanTask> VisibleTo(this IQueryable<PlanTask> tasks, ICurrentClient client)
    {
        if (client.SeesAllAgencies())
        {
            return tasks;
        }

        var agencies = client.AgencyIds.ToList();
        return tasks.Where(t => agencies.Contains(t.LeadAgencyId) || t.Cooperators.Any(c => agencies.Contains(c.AgencyId)));
    }

    /// <summary>The task's lead and cooperating agencies.</summary>
    public static IEnumerable<Guid> Agencies(this PlanTask task) => [task.LeadAgencyId, .. task.CooperatorIds()];
}
