using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Dti.Application.Common.Models;
using FluentValidation;

namespace Dti.Application.PlanTasks.Queries.ListTaskProgress;

/// <summary>A task's progress reports, oldest first, a page at a time.</summary>
public sealed record ListTaskProgressQuery(Guid PlanId, Guid TaskId, PageRequest Paging) : IRequest<PagedList<TaskProgressDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.PlanTask(PlanId, TaskId);
}

public sealed class ListTaskProgressValidator : AbstractValidator<ListTaskProgressQuery>
{
    public ListTaskProgressValidator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class ListTaskProgressHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListTaskProgressQuery, PagedList<TaskProgressDto>>
{
    public async Task<PagedList<TaskProgressDto>> Handle(ListTaskProgressQuery request, CancellationToken cancellationToken)
    {
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Progress)
            .SingleOrDefaultAsync(t => t.Id == request.TaskId && t.PlanId == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Task", request.TaskId.ToString());
        return PagedList<TaskProgressDto>.Of(
            task.Progress.OrderBy(p => p.AsOf).ThenBy(p => p.RecordedAt).ThenBy(p => p.Id).Adapt<List<TaskProgressDto>>(config),
            request.Paging);
    }
}
