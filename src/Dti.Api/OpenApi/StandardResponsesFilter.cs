using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// Adds the responses every operation can give — 400 for bad input, 401 without valid credentials, 403 when the
/// caller's role does not allow the operation, 429 over the rate limit, 500 with a trace id — in one place.
/// </summary>
internal sealed class StandardResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        Add(operation, context, "400", "Invalid input: the problem names each field and rule (ValidationProblemDetails).", "HttpValidationProblemDetails");
        Add(operation, context, "401", "No valid credentials: send an API key as X-Api-Key (or a bearer token where enabled). The WWW-Authenticate header names the schemes.", "ProblemDetails");
        Add(operation, context, "403", "The caller's role does not allow this operation.", "ProblemDetails");
        Add(operation, context, "429", "Too many requests from this client: wait the seconds the Retry-After header gives.", "ProblemDetails");
        Add(operation, context, "500", "Unexpected error: the problem carries only a traceId.", "ProblemDetails");
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, string status, string description, string schemaName)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        var type = schemaName == "ProblemDetails" ? typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) : typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails);
        var schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }
}
