using System.Text.Json.Nodes;
using Dti.Api.Endpoints;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// Documents the If-Match header on every operation that requires it (<see cref="ETags.RequireIfMatch"/>), from the
/// same endpoint metadata the <see cref="IfMatchPrecondition"/> middleware enforces.
/// </summary>
internal sealed class IfMatchHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var requirement = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IfMatchRequirement>().FirstOrDefault();
        if (requirement is null)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = HeaderNames.IfMatch,
            In = ParameterLocation.Header,
            Required = !requirement.OrCreate && !requirement.Optional,
            Description = requirement.Optional
                ? "Optional: the ETag you last read of the resource, to append only if nothing changed since (412 when stale). `*` or no header appends regardless."
                : requirement.OrCreate
                ? "The ETag you last read of the resource, to replace it (412 when stale). Without it and without `If-None-Match: *`: 428. `*` is refused (428)."
                : "The ETag you last read of the resource (the `ETag` response header of its GET or of your last write). Without it: 428; stale: 412. `*` is refused (428): blind writes are not accepted.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ResponseHeaders.ETagMaxLength, Pattern = ResponseHeaders.IfMatchPattern },
            Example = JsonValue.Create("\"3\""),
        });
        if (requirement.OrCreate)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfNoneMatch,
                In = ParameterLocation.Header,
                Required = false,
                Description = "`*` to create the resource where none exists yet (412 when it does); send it instead of If-Match.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1, Enum = [JsonValue.Create("*")] },
            });
        }
    }
}
