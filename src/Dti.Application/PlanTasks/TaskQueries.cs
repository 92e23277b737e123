using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks;

internal static class TaskQueries
{
    /// <summary>Loads a task of a plan for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<PlanTask> GetTaskForUpdateAsync(this IApplicationDbContext db, Guid planId, Guid taskId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var task = await db.PlanTasks.Include(t => t.Cooperators).SingleOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, cancellationToken)
            ?? throw new NotFoundException("Task", taskId.ToString());
        PreconditionFailedException.ThrowIfStale("Task", taskId.ToString(), task.Version, expectedVersion);
        return task;
    }
}
