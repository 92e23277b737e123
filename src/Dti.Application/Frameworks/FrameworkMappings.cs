using System.Diagnostics.CodeAnalysis;
using Dti.Application.Common.Mapping;
using Dti.Domain.Frameworks;
using Mapster;

namespace Dti.Application.Frameworks;

/// <summary>
/// How frameworks become DTOs. The tree is mapped once loaded: pillars, main indices and each main index's components
/// are listed by order, then code (ordinal, the same on every database); a list row counts indices in the query.
/// </summary>
public sealed class FrameworkMappings : IRegister
{
    [SuppressMessage("Performance", "CA1826", Justification = "Count() is a COUNT(*) in the projection; see Mappings on member chains.")]
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Framework, FrameworkDto>()
            .Map(d => d.ScoredPoints, s => s.ScoredPoints())
            .Map(d => d.Pillars, s => s.Pillars.OrderBy(p => p.Order).ThenBy(p => p.Code, StringComparer.Ordinal))
            .Map(d => d.MainIndices, s => s.MainIndices.OrderBy(m => m.Order).ThenBy(m => m.Code, StringComparer.Ordinal)
                .Select(m => new MainIndexWithComponents(m, s.ComponentsOf(m))));
        config.NewVersionedConfig<Framework, FrameworkDto>();
        config.NewConfig<Pillar, PillarDto>();
        config.NewConfig<MainIndexWithComponents, MainIndexDto>()
            .Map(d => d, s => s.Index)
            .Map(d => d.ComponentIndices, s => s.Components.OrderBy(c => c.Order).ThenBy(c => c.Code, StringComparer.Ordinal));
        config.NewConfig<ComponentIndex, ComponentIndexDto>();
        config.NewConfig<Framework, FrameworkSummaryDto>()
            .Map(d => d.MainIndexCount, s => s.MainIndices.Count())
            .Map(d => d.ComponentIndexCount, s => s.ComponentIndices.Count());
    }
}

/// <summary>A main index with the component indices under it: what a <see cref="MainIndexDto"/> shows.</summary>
public sealed record MainIndexWithComponents(MainIndex Index, IEnumerable<ComponentIndex> Components);
