using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// The RFC 9457 problem bodies as this API writes them (see <c>ErrorHandling/</c>): the standard members, the
/// <c>traceId</c> every problem carries, the machine-readable <c>rule</c> of 409, 412 and 422, and <c>errors</c> per field.
/// Other extension members may appear, as RFC 9457 allows; clients ignore those they do not know.
/// </summary>
internal sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    /// <summary>
    /// A detail or message may quote a rejected parameter value — control characters included, so no pattern — which
    /// Kestrel bounds by its 8 KiB request line.
    /// </summary>
    private const int MaxTextLength = 16_384;

    /// <summary>The request path the problem is about, bounded by the same request line.</summary>
    private const int MaxInstanceLength = 8_192;

    /// <summary>A W3C trace context id (55 characters) or Kestrel's connection-based request id.</summary>
    private const int MaxTraceIdLength = 128;

    /// <summary>Messages per field: one per rule that checks it.</summary>
    private const int MaxMessagesPerField = 20;

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || !typeof(ProblemDetails).IsAssignableFrom(context.Type) && !typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails).IsAssignableFrom(context.Type))
        {
            return;
        }

        target.AdditionalPropertiesAllowed = true;
        target.AdditionalProperties = null;
        target.Required = new SortedSet<string>(StringComparer.Ordinal) { "status", "traceId" };
        if (typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails).IsAssignableFrom(context.Type))
        {
            target.Required.Add("errors");
        }

        target.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", MaxLength = 200, Description = "A URI identifying the kind of problem (RFC 9110 section links)." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200, Pattern = "^[\\x20-\\x7E]*$", Description = "A short summary of the kind of problem." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = Text(MaxTextLength, "What went wrong with this request."),
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxInstanceLength, Description = "The request path, decoded (so not always a valid URI reference)." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxTraceIdLength, Pattern = "^[\\x21-\\x7E]+$", Description = "Quote it when reporting a problem: it finds the request in the server's logs." },
            ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Pattern = "^[a-z0-9]+([.-][a-z0-9]+)*$", Description = "The business rule that was broken (409, 412, 422), e.g. `plan.target-rank`; on a 404, the rule that makes the resource exist (`self-assessment.not-finalised`)." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field, keyed by its JSON path (`mainIndices[2].maxPoints`; `$` for the whole body).",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MinItems = 1,
                    MaxItems = MaxMessagesPerField,
                    Items = Text(MaxTextLength, null),
                },
            },
        };
    }

    private static OpenApiSchema Text(int maxLength, string? description) =>
        new() { Type = JsonSchemaType.String, MaxLength = maxLength, Description = description };
}
