using System.Reflection;
using Dti.Application.Common.Models;
using Mapster;

namespace Dti.Application.Common.Mapping;

/// <summary>
/// The one Mapster configuration of the application: every <see cref="IRegister"/> of this assembly (one per
/// feature) is scanned into it once per process, as the services are registered, and it is compiled then, so a mapping
/// that cannot be built fails the start, not a request. Registered as a singleton (<see cref="Application"/>); handlers take it and call <c>ProjectToType&lt;T&gt;(config)</c>
/// on queries (only the columns the DTO needs are read) or <c>Adapt&lt;T&gt;(config)</c> on loaded aggregates.
/// </summary>
/// <remarks>
/// Every mapping is declared (<see cref="TypeAdapterConfig.RequireExplicitMapping"/>) and every constructor parameter
/// of a DTO must have a source or be ignored on purpose (<see cref="TypeAdapterConfig.RequireDestinationMemberSource"/>),
/// so renaming a field on one side without the other fails here. DTOs are positional records, built through their
/// constructors only: left to itself, Mapster would also set each custom-mapped property again after construction,
/// which in a projection reads its column (or subquery) twice.
/// <para>
/// In a projection, a custom source written as a chain of members (<c>s.SolutionGroups.Count</c>) is guarded by
/// Mapster with a null check on each link, and EF answers a null check on a collection by reading the whole
/// collection; a method call (<c>s.SolutionGroups.Count()</c>) is not guarded and becomes <c>COUNT(*)</c>. Collections
/// themselves are mapped from loaded aggregates, never projected, for the same reason.
/// </para>
/// </remarks>
public static class Mappings
{
    /// <summary>
    /// This assembly's configuration, built and compiled once per process: nothing changes it after <see cref="Create"/>,
    /// so every host the process starts (the functional tests start one per fixture) shares the compiled mappings.
    /// </summary>
    public static TypeAdapterConfig Application => ApplicationConfig.Value;

    private static readonly Lazy<TypeAdapterConfig> ApplicationConfig = new(() => Create(typeof(Mappings).Assembly));

    public static TypeAdapterConfig Create(Assembly assembly)
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.Default.IgnoreMember((member, side) => side == MemberSide.Destination && member.Info is PropertyInfo);
        config.Scan(assembly);
        config.Compile();
        config.CompileProjection();
        return config;
    }

    /// <summary>
    /// Declares the mapping of <typeparamref name="TEntity"/> to its DTO together with the version its ETag carries
    /// (the entity's <c>Version</c>), so a read or a command returns <see cref="Versioned{T}"/> in one projection or adaptation.
    /// </summary>
    public static TypeAdapterSetter<TEntity, Versioned<TDto>> NewVersionedConfig<TEntity, TDto>(this TypeAdapterConfig config) =>
        config.NewConfig<TEntity, Versioned<TDto>>().Map(d => d.Value, s => s);
}
