using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Plans.Commands.UpdatePlan;

/// <summary>Replaces a draft or issued plan's content. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdatePlanCommand(Guid Id, PlanInput Body, int? ExpectedVersion) : IRequest<Versioned<PlanDto>>;

public sealed class UpdatePlanValidator : AbstractValidator<UpdatePlanCommand>
{
    public UpdatePlanValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new PlanInputValidator());
}

public sealed class UpdatePlanHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<UpdatePlanCommand, Versioned<PlanDto>>
{
    public async Task<Versioned<PlanDto>> Handle(UpdatePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var spec = request.Body.ToSpec();
        var governing = await db.GoverningFrameworkAsync(spec.FirstAssessmentYear, cancellationToken);
        plan.Redefine(spec, governing, clock.GetUtcNow());
        await db.CheckReferencesAsync(plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<Versioned<PlanDto>>(config);
    }
}
