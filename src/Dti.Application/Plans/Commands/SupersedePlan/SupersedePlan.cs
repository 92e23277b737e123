using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Common;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Plans.Commands.SupersedePlan;

/// <summary>Issued → Superseded by a newer plan.</summary>
public sealed record SupersedePlanCommand(Guid Id, SupersedeInput Body, int? ExpectedVersion) : IRequest<Versioned<PlanDto>>;

public sealed record SupersedeInput(Guid SupersededById);

public sealed class SupersedePlanValidator : AbstractValidator<SupersedePlanCommand>
{
    public SupersedePlanValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new SupersedeInputValidator());
}

public sealed class SupersedeInputValidator : AbstractValidator<SupersedeInput>
{
    public SupersedeInputValidator() => RuleFor(s => s.SupersededById).NotEmpty();
}

public sealed class SupersedePlanHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<SupersedePlanCommand, Versioned<PlanDto>>
{
    public async Task<Versioned<PlanDto>> Handle(SupersedePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var newer = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Body.SupersededById, cancellationToken)
            ?? throw new DomainException("plan.unknown-successor", $"Plan '{request.Body.SupersededById}' does not exist.", "supersededById");
        plan.SupersedeBy(newer, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<Versioned<PlanDto>>(config);
    }
}
