using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks.Queries.ListTaskProgress;

/// <summary>Every progress report of a task, oldest first.</summary>
public sealed record ListTaskProgressQuery(Guid PlanId, Guid TaskId) : IRequest<IReadOnlyList<TaskProgressDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.PlanTask(PlanId, TaskId);
}

public sealed class ListTaskProgressHandler(IApplicationDbContext db) : IRequestHandler<ListTaskProgressQuery, IReadOnlyList<TaskProgressDto>>
{
    public async Task<IReadOnlyList<TaskProgressDto>> Handle(ListTaskProgressQuery request, CancellationToken cancellationToken)
    {
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Progress)
            .SingleOrDefaultAsync(t => t.Id == request.TaskId && t.PlanId == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Task", request.TaskId.ToString());
        return [.. task.Progress.OrderBy(p => p.AsOf).ThenBy(p => p.RecordedAt).ThenBy(p => p.Id).Select(p => new TaskProgressDto(p.Status, p.Percent, p.Note, p.AsOf, p.RecordedAt))];
    }
}
