using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;
using Dti.Application.Common.Validation;

namespace Dti.Application.PlanTasks.Commands.RecordTaskProgress;

/// <summary>
/// Appends a progress report and makes it the task's current status. <see cref="ProgressInput.AsOf"/> defaults to today.
/// An agency reporter may report only on tasks its agency leads or cooperates on; any other task is a 404.
/// </summary>
public sealed record RecordTaskProgressCommand(Guid PlanId, Guid TaskId, ProgressInput Body, int? ExpectedVersion) : IRequest<Versioned<TaskDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.PlanTask(PlanId, TaskId);
}

public sealed record ProgressInput(PlanTaskStatus? Status, int Percent, string? Note, DateOnly? AsOf);

public sealed class RecordTaskProgressValidator : AbstractValidator<RecordTaskProgressCommand>
{
    public RecordTaskProgressValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new ProgressInputValidator());
}

public sealed class ProgressInputValidator : AbstractValidator<ProgressInput>
{
    public ProgressInputValidator()
    {
        RuleFor(p => p.Status).NotNull().IsDefinedEnum();
        RuleFor(p => p.Percent).InclusiveBetween(0, PlanLimits.MaxPercent);
        RuleFor(p => p.Note).MultiLine(PlanLimits.NoteMaxLength);
    }
}

public sealed class RecordTaskProgressHandler(IApplicationDbContext db, TaskAndPlanById taskAndPlan, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<RecordTaskProgressCommand, Versioned<TaskDto>>
{
    public async Task<Versioned<TaskDto>> Handle(RecordTaskProgressCommand request, CancellationToken cancellationToken)
    {
        var (task, plan) = await db.GetTaskAndPlanForUpdateAsync(taskAndPlan, request.PlanId, request.TaskId, request.ExpectedVersion, cancellationToken);
        var today = VietnamClock.Today(clock);
        var body = request.Body;
        task.RecordProgress(plan, body.Status!.Value, body.Percent, body.Note, body.AsOf ?? today, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return task.BuildAdapter(config).AddParameters(TaskMappings.Today, today).AdaptToType<Versioned<TaskDto>>();
    }
}
