using System.Text.Json.Nodes;
using Dti.Api.ErrorHandling;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>States on each operation that takes a body how large it may be (<c>x-max-request-body-bytes</c>); larger bodies get 413.</summary>
internal sealed class RequestBodyLimitFilter : IOperationFilter
{
    public const string Extension = "x-max-request-body-bytes";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is null)
        {
            return;
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(RequestBodyLimits.For(context.ApiDescription.ActionDescriptor.EndpointMetadata)));
    }
}
