using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Plans.Commands.CreatePlan;

/// <summary>Records a plan, directive, official letter, decision or campaign as a draft.</summary>
public sealed record CreatePlanCommand(PlanInput Body) : IRequest<Versioned<PlanDto>>;

public sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new PlanInputValidator());
}

public sealed class CreatePlanHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<CreatePlanCommand, Versioned<PlanDto>>
{
    public async Task<Versioned<PlanDto>> Handle(CreatePlanCommand request, CancellationToken cancellationToken)
    {
        var spec = request.Body.ToSpec();
        var governing = await db.GoverningFrameworkAsync(spec.FirstAssessmentYear, cancellationToken);
        var plan = Plan.Create(spec, governing, clock.GetUtcNow());
        await db.CheckReferencesAsync(plan, cancellationToken);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<Versioned<PlanDto>>(config);
    }
}
