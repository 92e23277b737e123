using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// Says exactly which properties can be null. OpenAPI 3.0 cannot mark a <c>$ref</c> nullable, so a nullable enum or
/// object property gets an inline copy of its schema that allows null (validating proxies such as Prism read
/// <c>nullable</c> only next to a <c>type</c>). In response schemas — types without a validator — every property that is
/// never null is required, because the API writes every property, null or not.
/// </summary>
internal sealed class NullabilitySchemaFilter(ValidatorRules validators) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target || context.Type.IsPrimitive)
        {
            return;
        }

        var isInput = validators.For(context.Type) is not null;
        var nullability = new NullabilityInfoContext();
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!target.Properties.TryGetValue(name, out var property))
            {
                continue;
            }

            var requiredByValidator = target.Required?.Contains(name) == true;
            if (property is OpenApiSchemaReference reference && !requiredByValidator && CanBeNull(member, nullability)
                && reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var referenced) && referenced is OpenApiSchema definition)
            {
                target.Properties[name] = property = NullableCopy(definition);
            }

            if (!isInput && !IsNullable(property))
            {
                (target.Required ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }
    }

    private static bool CanBeNull(PropertyInfo member, NullabilityInfoContext nullability) =>
        Nullable.GetUnderlyingType(member.PropertyType) is not null
        || !member.PropertyType.IsValueType && nullability.Create(member).ReadState == NullabilityState.Nullable;

    private static bool IsNullable(IOpenApiSchema schema) => schema is OpenApiSchema { Type: { } type } && type.HasFlag(JsonSchemaType.Null);

    /// <remarks>
    /// An enum copy does not list null: <c>nullable: true</c> allows it, as validating proxies read it (Prism adds null
    /// to the enum itself, and a schema whose enum then lists null twice is silently not validated at all).
    /// </remarks>
    private static OpenApiSchema NullableCopy(OpenApiSchema definition)
    {
        var copy = (OpenApiSchema)definition.CreateShallowCopy();
        copy.Type = (definition.Type ?? JsonSchemaType.Object) | JsonSchemaType.Null;
        return copy;
    }
}
