using Asp.Versioning;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.Versioning;

/// <summary>
/// URL-segment versioning with Asp.Versioning (ADR 0005): every operation lives under <c>/api/v{major}</c>, one literal group per served version,
/// responses name the versions served (<c>api-supported-versions</c>) and, once the operator configures it, the
/// deprecated ones (<c>api-deprecated-versions</c>) with RFC 9745 <c>Deprecation</c> and RFC 8594 <c>Sunset</c>
/// headers and their <c>Link</c>s. The OpenAPI document is produced once per version.
/// </summary>
internal static class ApiVersioning
{
    /// <summary>The first version: <c>/api/v1</c>, contract <c>openapi/v1.json</c>.</summary>
    public static readonly ApiVersion V1 = new(1, 0);

    /// <summary>Every version the API serves, oldest first. A new version is added here and mapped in <c>UseApi</c>.</summary>
    public static readonly IReadOnlyList<ApiVersion> Served = [V1];

    public static IServiceCollection AddApiVersions(this IServiceCollection services, IConfiguration configuration)
    {
        var lifecycles = VersionLifecycles.Read(configuration, Served);
        services.AddSingleton(lifecycles);
        services.AddApiVersioning(o =>
            {
                // The version is only ever read from the path: no api-version query parameter or header to document or to disagree.
                o.ApiVersionReader = new PathVersionReader(Served);
                o.ReportApiVersions = true;
                foreach (var (version, lifecycle) in lifecycles.All)
                {
                    lifecycle.ApplyTo(o.Policies, version);
                }
            })
            .AddApiExplorer(o =>
            {
                o.GroupNameFormat = "'v'VVV";
            });
        services.AddTransient<IConfigureOptions<SwaggerGenOptions>, VersionedDocuments>();
        return services;
    }

    /// <summary>
    /// Maps every versioned operation: <paramref name="map"/> is called once per served version with that version's
    /// literal group (<c>/api/v1</c>), which carries the set of served versions and maps its operations to its version.
    /// </summary>
    public static void MapVersionedApi(this WebApplication app, Action<RouteGroupBuilder> map)
    {
        var lifecycles = app.Services.GetRequiredService<VersionLifecycles>();
        var versions = app.NewApiVersionSet("Dti.Api").ReportApiVersions();
        foreach (var version in Served)
        {
            if (lifecycles.For(version).Deprecated)
            {
                versions.HasDeprecatedApiVersion(version);
            }
            else
            {
                versions.HasApiVersion(version);
            }
        }

        var set = versions.Build();
        foreach (var version in Served)
        {
            var group = app.MapGroup($"/api/v{PathVersionReader.Segment(version)}").WithApiVersionSet(set);
            group.MapToApiVersion(version);
            map(group);
        }
    }
}
