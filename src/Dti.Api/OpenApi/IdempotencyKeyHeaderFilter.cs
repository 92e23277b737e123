using System.Text.Json.Nodes;
using Dti.Api.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// Documents <c>Idempotency-Key</c> (optional) on every operation that honours it (<see cref="IdempotencyKeys.WithIdempotency"/>),
/// and the <c>Idempotent-Replayed</c> header of a replayed success, from the metadata the middleware acts on.
/// </summary>
internal sealed class IdempotencyKeyHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentOperation>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A key of your choosing (1–255 printable ASCII characters; a UUID is a good choice), to retry safely (draft-ietf-httpapi-idempotency-key-header). " +
                "Retrying the same request with the same key within 24 hours (setting `Idempotency:RetentionHours`) returns the first response again, with `Idempotent-Replayed: true`, instead of creating twice. " +
                "The same key with another request: 422; while the first request is still running: 409. Keys are per client. Sent in double quotes (a structured-field string), the quotes are not part of the key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.HeaderMaxLength, Pattern = IdempotencyKeys.Pattern },
            Example = JsonValue.Create("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""),
        });

        foreach (var (status, value) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && value is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers[IdempotencyKeys.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "`true` when this is the stored response to an earlier request with the same Idempotency-Key, sent again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] },
                };
            }
        }
    }
}
