using System.Reflection;
using Mapster;

namespace Dti.Application.Common.Mapping;

/// <summary>
/// The one Mapster configuration of the application: every <see cref="IRegister"/> of this assembly (one per
/// feature) is scanned into it once at start-up, and it is compiled then, so a mapping that cannot be built fails the
/// start, not a request. Registered as a singleton; handlers take it and call <c>ProjectToType&lt;T&gt;(config)</c>
/// on queries (only the columns the DTO needs are read) or <c>Adapt&lt;T&gt;(config)</c> on loaded aggregates.
/// </summary>
public static class Mappings
{
    public static TypeAdapterConfig Create(Assembly assembly)
    {
        var config = new TypeAdapterConfig();
        config.Scan(assembly);
        config.Compile();
        return config;
    }
}
