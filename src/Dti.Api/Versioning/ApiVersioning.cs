using Asp.Versioning;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.Versioning;

/// <summary>
/// URL-segment versioning with Asp.Versioning (ADR 0005): every operation lives under <c>/api/v{version}</c>,
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
                o.ApiVersionReader = new UrlSegmentApiVersionReader();
                o.ReportApiVersions = true;
                foreach (var (version, lifecycle) in lifecycles.All)
                {
                    lifecycle.ApplyTo(o.Policies, version);
                }
            })
            .AddApiExplorer(o =>
            {
                o.GroupNameFormat = "'v'VVV";
                o.SubstituteApiVersionInUrl = true;
            });
        services.AddTransient<IConfigureOptions<SwaggerGenOptions>, VersionedDocuments>();
        return services;
    }

    /// <summary>The group every versioned operation is mapped in: <c>/api/v1/…</c>, carrying the served versions.</summary>
    public static RouteGroupBuilder MapVersionedApi(this WebApplication app)
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

        return app.MapGroup("/api/v{version:apiVersion}").WithApiVersionSet(versions.Build());
    }
}
