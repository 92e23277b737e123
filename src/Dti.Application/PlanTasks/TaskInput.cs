using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Agencies;
using Dti.Domain.Plans;
using FluentValidation;

namespace Dti.Application.PlanTasks;

/// <summary>
/// The body that creates or replaces a task. Give <see cref="DueDate"/> or <see cref="DueMonth"/> (<c>2023-11</c>,
/// meaning its last day), not both. <see cref="Reason"/> explains a change of holders on update.
/// </summary>
public sealed record TaskInput(
    string Title,
    string? Description,
    Guid LeadAgencyId,
    IReadOnlyList<Guid>? CooperatingAgencyIds,
    DateOnly? DueDate,
    string? DueMonth,
    IReadOnlyList<string>? IndexCodes,
    string? Reason = null)
{
    public PlanTaskSpec ToSpec() => new(Title, Description, LeadAgencyId, CooperatingAgencyIds ?? [], DueDate, DueMonth, IndexCodes ?? []);
}

public sealed class TaskInputValidator : AbstractValidator<TaskInput>
{
    public TaskInputValidator()
    {
        RuleFor(t => t.Title).NotEmpty().SingleLine(PlanLimits.TitleMaxLength);
        RuleFor(t => t.Description).MultiLine(PlanLimits.DescriptionMaxLength);
        RuleFor(t => t.LeadAgencyId).NotEmpty();
        RuleFor(t => t.CooperatingAgencyIds).MaxItems(Holders.MaxCooperators)
            .WithMessage($"At most {Holders.MaxCooperators} cooperating agencies.");
        RuleFor(t => t.DueMonth).MaximumLength(PlanLimits.DueMonthLength)
            .Matches(PlanLimits.DueMonthPattern).WithMessage("'dueMonth' must be yyyy-MM, e.g. 2023-11.");
        RuleFor(t => t.IndexCodes).MaxItems(PlanLimits.MaxTaskIndexCodes)
            .WithMessage($"At most {PlanLimits.MaxTaskIndexCodes} index codes.");
        RuleForEach(t => t.IndexCodes).NoNullItems().NotEmpty().IndexCode();
        RuleFor(t => t.Reason).MultiLine(PlanLimits.ReasonMaxLength);
    }
}
