using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Deadlines.Commands.CreateDeadlineRule;

/// <summary>Stores a deadline rule given as text or as structured parts.</summary>
public sealed record CreateDeadlineRuleCommand(DeadlineRuleInput Body) : IRequest<Versioned<DeadlineRuleDto>>;

public sealed class CreateDeadlineRuleValidator : AbstractValidator<CreateDeadlineRuleCommand>
{
    public CreateDeadlineRuleValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new DeadlineRuleInputValidator());
}

public sealed class CreateDeadlineRuleHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<CreateDeadlineRuleCommand, Versioned<DeadlineRuleDto>>
{
    public async Task<Versioned<DeadlineRuleDto>> Handle(CreateDeadlineRuleCommand request, CancellationToken cancellationToken)
    {
        var rule = DeadlineRuleDefinition.Create(request.Body.ToRule(), clock.GetUtcNow());
        await db.EnsureNameFreeAsync(rule.Name, null, cancellationToken);
        db.DeadlineRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return rule.Adapt<Versioned<DeadlineRuleDto>>(config);
    }
}
