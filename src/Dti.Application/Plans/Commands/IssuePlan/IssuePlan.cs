using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;

namespace Dti.Application.Plans.Commands.IssuePlan;

/// <summary>Draft → Issued.</summary>
public sealed record IssuePlanCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<PlanDto>>;

public sealed class IssuePlanHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<IssuePlanCommand, Versioned<PlanDto>>
{
    public async Task<Versioned<PlanDto>> Handle(IssuePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        plan.Issue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<Versioned<PlanDto>>(config);
    }
}
