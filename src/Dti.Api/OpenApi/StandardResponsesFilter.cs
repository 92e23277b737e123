using Dti.Api.Security;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// What every operation shares, in one place: the responses any request can get — 400 for bad input, 401 without
/// valid credentials, 403 when the caller's role does not allow the operation, 429 over the rate limit, 500 with a
/// trace id — the rate-limit headers on every response, <c>ETag</c> and <c>Location</c> where the
/// endpoint uses them (If-Match: <see cref="IfMatchHeaderFilter"/>), and the calendar feeds' <c>access_key</c>.
/// </summary>
/// <remarks>
/// Endpoints take <see cref="HttpResponse"/> only to set the ETag (<c>ETags.WithETag</c>): that fact places the header.
/// </remarks>
internal sealed class StandardResponsesFilter(IOptions<AuthOptions> auth) : IOperationFilter
{
    public const string AccessKeyScheme = "AccessKey";

    private const string JsonProblem = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        AddProblem(operation, context, "400", "Invalid input: the problem names each field and rule (ValidationProblemDetails).", typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails));
        AddProblem(operation, context, "401", "No valid credentials: send an API key as X-Api-Key (or a bearer token where enabled). The WWW-Authenticate header names the schemes.", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
        AddProblem(operation, context, "403", "The caller's role does not allow this operation.", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
        AddProblem(operation, context, "429", "Too many requests from this client: wait the seconds the Retry-After header gives.", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
        AddProblem(operation, context, "500", "Unexpected error: the problem carries only a traceId.", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
        AddProblem(operation, context, "503", "The database did not serve the request in time (rule storage.busy); nothing was changed: retry after the seconds the Retry-After header gives.", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));

        // A download (CsvDownload.Send takes the response too) has the content-hash ETag DownloadResponseFilter documents.
        var setsETag = context.MethodInfo?.GetParameters().Any(p => p.ParameterType == typeof(HttpResponse)) == true
            && !context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DownloadMetadata>().Any();
        foreach (var (status, value) in operation.Responses)
        {
            if (value is not OpenApiResponse response)
            {
                continue;
            }

            var headers = response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            headers[ResponseHeaders.RateLimit] = ResponseHeaders.Reference(ResponseHeaders.RateLimit, context.Document);
            headers[ResponseHeaders.RateLimitPolicy] = ResponseHeaders.Reference(ResponseHeaders.RateLimitPolicy, context.Document);
            // A download declares its own ETag (the content's hash, DownloadResponseFilter): the version pattern must not replace it.
            if (status is "200" or "201" && setsETag && !headers.ContainsKey(ResponseHeaders.ETag))
            {
                headers[ResponseHeaders.ETag] = ResponseHeaders.Reference(ResponseHeaders.ETag, context.Document);
            }

            if (status == "201")
            {
                headers[ResponseHeaders.Location] = ResponseHeaders.Reference(ResponseHeaders.Location, context.Document);
            }

            if (status == "401")
            {
                headers[ResponseHeaders.WwwAuthenticate] = ResponseHeaders.Reference(ResponseHeaders.WwwAuthenticate, context.Document);
            }

            if (status is "429" or "503")
            {
                headers[ResponseHeaders.RetryAfter] = ResponseHeaders.Reference(ResponseHeaders.RetryAfter, context.Document);
            }

            // A calendar file is RFC 5545 text, not JSON: its media type says all a schema could.
            foreach (var media in (response.Content ?? new Dictionary<string, OpenApiMediaType>()).Where(m => !m.Key.Contains("json", StringComparison.Ordinal)))
            {
                media.Value.Schema = null;
            }
        }

        if (operation.RequestBody?.Content is { } content)
        {
            // A text body (CSV) is one string as long as the body limit; a form keeps its fields (ParameterRulesFilter).
            foreach (var media in content.Where(m => !m.Key.Contains("json", StringComparison.Ordinal) && m.Key != "multipart/form-data"))
            {
                media.Value.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = (int)Math.Min(int.MaxValue, ErrorHandling.RequestBodyLimits.For(context.ApiDescription.ActionDescriptor.EndpointMetadata)) };
            }
        }

        if (ApiKeyAuthenticationHandler.AcceptsKeyInQuery(context.ApiDescription.HttpMethod, "/" + context.ApiDescription.RelativePath))
        {
            operation.Security = [.. Schemes(context.Document, ApiKeyAuthenticationHandler.SchemeName, AccessKeyScheme).Select(Requirement)];
        }
    }

    private IEnumerable<OpenApiSecuritySchemeReference> Schemes(OpenApiDocument document, params string[] names) =>
        names.Concat(auth.Value.Jwt.Enabled ? [JwtClaims.Scheme] : []).Select(name => new OpenApiSecuritySchemeReference(name, document));

    private static OpenApiSecurityRequirement Requirement(OpenApiSecuritySchemeReference scheme) => new() { [scheme] = [] };

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description, Type problemType)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [JsonProblem] = new() { Schema = context.SchemaGenerator.GenerateSchema(problemType, context.SchemaRepository) },
            },
        };
    }
}
