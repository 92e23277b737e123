using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;

namespace Dti.Application.Plans.Queries.GetPlanReportingRules;

/// <summary>The deadline rules a plan's lead agencies report by, with the plan's version for If-Match.</summary>
public sealed record GetPlanReportingRulesQuery(Guid PlanId) : IRequest<Versioned<PlanReportingRulesDto>>;

public sealed class GetPlanReportingRulesHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetPlanReportingRulesQuery, Versioned<PlanReportingRulesDto>>
{
    public async Task<Versioned<PlanReportingRulesDto>> Handle(GetPlanReportingRulesQuery request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanAsync(request.PlanId, cancellationToken);
        return new Versioned<PlanReportingRulesDto>(await db.ReadReportingRulesAsync(config, plan.Id, cancellationToken), plan.Version);
    }
}
