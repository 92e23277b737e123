using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// Drops component schemas no operation reaches: a nullable enum or object property gets an inline copy of its
/// schema (see <see cref="NullabilitySchemaFilter"/>), which can leave the original unreferenced.
/// </summary>
internal sealed class UnusedSchemasFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (swaggerDoc.Components?.Schemas is not { } schemas)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in (swaggerDoc.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema, schemas, used);
            }

            foreach (var media in (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Values)
            {
                Visit(media.Schema, schemas, used);
            }

            foreach (var response in (operation.Responses ?? []).Values)
            {
                foreach (var media in (response.Content ?? new Dictionary<string, OpenApiMediaType>()).Values)
                {
                    Visit(media.Schema, schemas, used);
                }
            }
        }

        foreach (var unused in schemas.Keys.Where(name => !used.Contains(name)).ToList())
        {
            schemas.Remove(unused);
        }
    }

    private static void Visit(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> used)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            if (used.Add(id) && schemas.TryGetValue(id, out var target))
            {
                Visit(target, schemas, used);
            }

            return;
        }

        if (schema is null)
        {
            return;
        }

        foreach (var nested in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties).Append(schema.Not))
        {
            Visit(nested, schemas, used);
        }
    }
}
