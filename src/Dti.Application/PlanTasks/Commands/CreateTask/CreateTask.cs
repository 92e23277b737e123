using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Plans;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.PlanTasks.Commands.CreateTask;

/// <summary>Adds a task to an open plan. Its agencies must exist and be active today.</summary>
public sealed record CreateTaskCommand(Guid PlanId, TaskInput Body) : IRequest<Versioned<TaskDto>>;

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new TaskInputValidator());
}

public sealed class CreateTaskHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<CreateTaskCommand, Versioned<TaskDto>>
{
    public async Task<Versioned<TaskDto>> Handle(CreateTaskCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanAsync(request.PlanId, cancellationToken);
        var governing = await db.GoverningFrameworkAsync(plan.FirstAssessmentYear, cancellationToken);
        var task = PlanTask.Create(plan, request.Body.ToSpec(), governing, clock.GetUtcNow());
        var today = VietnamClock.Today(clock);
        await db.RequireActiveAsync(AgencyQueries.HolderFields(request.Body.LeadAgencyId, request.Body.CooperatingAgencyIds), today, cancellationToken);
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task.BuildAdapter(config).AddParameters(TaskMappings.Today, today).AdaptToType<Versioned<TaskDto>>();
    }
}
