using System.Globalization;
using Asp.Versioning;
using Asp.Versioning.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Microsoft.OpenApi.MicrosoftExtensions;
using Swashbuckle.AspNetCore.SwaggerGen;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Dti.Api.Versioning;

/// <summary>
/// One OpenAPI document per API version the API explorer describes (<c>/swagger/v1/swagger.json</c>, later
/// <c>/swagger/v2/swagger.json</c>), and one Swagger UI entry each. A deprecated version says so in its
/// document: the description names the sunset and the link, and every operation is marked <c>deprecated</c>.
/// </summary>
internal sealed class VersionedDocuments(IApiVersionDescriptionProvider versions) : IConfigureOptions<SwaggerGenOptions>
{
    private const string Title = "Dti.Api";

    private const string Description = "Provincial Digital Transformation Index (DTI) work: frameworks, agencies, plans, assignments, deadlines, reports and assessments.";

    public void Configure(SwaggerGenOptions options)
    {
        foreach (var version in versions.ApiVersionDescriptions)
        {
            options.SwaggerDoc(version.GroupName, new OpenApiInfo
            {
                Title = Title,
                Version = version.GroupName,
                Description = version.IsDeprecated ? $"{Description} {Deprecation(version)}" : Description,
            });
        }

        options.OperationFilter<DeprecatedVersionOperations>();
    }

    /// <summary>Lists every version's document in Swagger UI, newest first; call after the endpoints are mapped.</summary>
    public static void AddEndpoints(SwaggerUIOptions ui, IReadOnlyList<ApiVersionDescription> versions)
    {
        foreach (var version in versions.OrderByDescending(v => v.ApiVersion))
        {
            ui.SwaggerEndpoint($"/swagger/{version.GroupName}/swagger.json", $"{Title} {version.GroupName}{(version.IsDeprecated ? " (deprecated)" : string.Empty)}");
        }
    }

    private static string Deprecation(ApiVersionDescription version)
    {
        var text = $"**Version {version.GroupName} is deprecated.**";
        if (version.SunsetPolicy?.Date is { } sunset)
        {
            text += $" It stops answering at {sunset.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} (the instant every response's Sunset header gives).";
        }

        return Migration(version.SunsetPolicy, version.DeprecationPolicy) is { } link ? $"{text} How to migrate: {link}" : text;
    }

    /// <summary>The configured <c>Api:Versions:{version}:Link</c>, which both policies carry.</summary>
    private static Uri? Migration(SunsetPolicy? sunset, DeprecationPolicy? deprecation) =>
        (sunset?.Links.FirstOrDefault() ?? deprecation?.Links.FirstOrDefault())?.LinkTarget;

    /// <summary>
    /// Marks each operation of a deprecated version <c>deprecated: true</c>, so generated clients warn, and gives the
    /// dates as <c>x-ms-deprecation</c> (removalDate = sunset), which client generators such as Kiota read.
    /// </summary>
    private sealed class DeprecatedVersionOperations : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var api = context.ApiDescription;
            if (!api.IsDeprecated)
            {
                return;
            }

            operation.Deprecated = true;
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[OpenApiDeprecationExtension.Name] = new OpenApiDeprecationExtension
            {
                Date = api.DeprecationPolicy?.Date,
                RemovalDate = api.SunsetPolicy?.Date,
                Version = context.DocumentName,
                Description = Migration(api.SunsetPolicy, api.DeprecationPolicy)?.ToString() ?? string.Empty,
            };
        }
    }
}
