using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Plans.Queries.GetPlan;

public sealed record GetPlanQuery(Guid Id) : IRequest<Versioned<PlanDto>>;

public sealed class GetPlanHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetPlanQuery, Versioned<PlanDto>>
{
    public async Task<Versioned<PlanDto>> Handle(GetPlanQuery request, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().WithObjectives().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Plan", request.Id.ToString());
        return plan.Adapt<Versioned<PlanDto>>(config);
    }
}
