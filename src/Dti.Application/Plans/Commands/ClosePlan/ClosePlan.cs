using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;

namespace Dti.Application.Plans.Commands.ClosePlan;

/// <summary>Issued → Closed: the plan's work is over; it, its tasks and its assignments stay as history.</summary>
public sealed record ClosePlanCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<PlanDto>>;

public sealed class ClosePlanHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<ClosePlanCommand, Versioned<PlanDto>>
{
    public async Task<Versioned<PlanDto>> Handle(ClosePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        plan.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<Versioned<PlanDto>>(config);
    }
}
