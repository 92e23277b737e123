using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Application.Plans;
using Dti.Domain.Common;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.PlanTasks.Commands.UpdateTask;

/// <summary>Replaces a task's definition; a change of lead or cooperators is kept as history. Status changes through progress reports.</summary>
public sealed record UpdateTaskCommand(Guid PlanId, Guid TaskId, TaskInput Body, int? ExpectedVersion) : IRequest<Versioned<TaskDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.PlanTask(PlanId, TaskId);
}

public sealed class UpdateTaskValidator : AbstractValidator<UpdateTaskCommand>
{
    public UpdateTaskValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new TaskInputValidator());
}

public sealed class UpdateTaskHandler(IApplicationDbContext db, TaskAndPlanById taskAndPlan, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<UpdateTaskCommand, Versioned<TaskDto>>
{
    public async Task<Versioned<TaskDto>> Handle(UpdateTaskCommand request, CancellationToken cancellationToken)
    {
        var (task, plan) = await db.GetTaskAndPlanForUpdateAsync(taskAndPlan, request.PlanId, request.TaskId, request.ExpectedVersion, cancellationToken);
        var governing = await db.GoverningFrameworkAsync(plan.FirstAssessmentYear, cancellationToken);
        var today = VietnamClock.Today(clock);
        await db.RequireActiveAsync(AgencyQueries.HolderFields(request.Body.LeadAgencyId, request.Body.CooperatingAgencyIds), today, cancellationToken);
        task.Redefine(plan, request.Body.ToSpec(), governing, request.Body.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return task.BuildAdapter(config).AddParameters(TaskMappings.Today, today).AdaptToType<Versioned<TaskDto>>();
    }
}
