using System.Diagnostics.CodeAnalysis;
using Dti.Application.Common.Mapping;
using Dti.Domain.Deadlines;
using Dti.Domain.Plans;
using Mapster;

namespace Dti.Application.Plans;

/// <summary>
/// How plans become DTOs. A plan is mapped once loaded with its objectives, listed in a fixed order (index targets by
/// main index code, solution groups by order then code, both ordinal); its allowed actions are read from the plan
/// lifecycle table for its status. A list row counts solution groups in the query.
/// </summary>
public sealed class PlanMappings : IRegister
{
    [SuppressMessage("Performance", "CA1826", Justification = "Count() is a COUNT(*) in the projection; see Mappings on member chains.")]
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Plan, PlanDto>()
            .Map(d => d.IndexTargets, s => s.IndexTargets.OrderBy(t => t.MainIndexCode, StringComparer.Ordinal))
            .Map(d => d.SolutionGroups, s => s.SolutionGroups.OrderBy(g => g.Order).ThenBy(g => g.MainIndexCode, StringComparer.Ordinal))
            .Map(d => d.AllowedActions, s => PlanLifecycle.Table.AllowedFrom(s.Status));
        config.NewVersionedConfig<Plan, PlanDto>();
        config.NewConfig<PlanIndexTarget, IndexTargetDto>();
        config.NewConfig<SolutionGroup, SolutionGroupDto>();
        config.NewConfig<Plan, PlanSummaryDto>()
            .Map(d => d.SolutionGroupCount, s => s.SolutionGroups.Count());
        config.NewConfig<DeadlineRuleDefinition, PlanReportingRuleDto>();
    }
}
