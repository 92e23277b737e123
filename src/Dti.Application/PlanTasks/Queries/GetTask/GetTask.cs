using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Domain.Common;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks.Queries.GetTask;

public sealed record GetTaskQuery(Guid PlanId, Guid TaskId) : IRequest<Versioned<TaskDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.PlanTask(PlanId, TaskId);
}

public sealed class GetTaskHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<GetTaskQuery, Versioned<TaskDto>>
{
    public async Task<Versioned<TaskDto>> Handle(GetTaskQuery request, CancellationToken cancellationToken)
    {
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Cooperators)
            .SingleOrDefaultAsync(t => t.Id == request.TaskId && t.PlanId == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Task", request.TaskId.ToString());
        return task.BuildAdapter(config).AddParameters(TaskMappings.Today, VietnamClock.Today(clock)).AdaptToType<Versioned<TaskDto>>();
    }
}
