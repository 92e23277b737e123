using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// A POST that computes its answer from its body and stores nothing (a what-if, parsing a rule's wording): it changes no
/// resource, so no If-Match applies and a retry is harmless. The contract says so with <c>x-stores-nothing: true</c>.
/// </summary>
internal static class StoresNothing
{
    public const string Extension = "x-stores-nothing";

    public static RouteHandlerBuilder StoresNothingAtAll(this RouteHandlerBuilder builder) => builder.WithMetadata(new Marker());

    /// <summary>States <see cref="Extension"/> on the operations marked with <see cref="StoresNothingAtAll"/>.</summary>
    internal sealed class Filter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Marker>().Any())
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(true));
            }
        }
    }

    private sealed class Marker;
}
