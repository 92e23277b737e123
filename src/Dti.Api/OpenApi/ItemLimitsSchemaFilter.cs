using System.Reflection;
using Dti.Application.Common.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>Writes <see cref="ItemLimitsAttribute"/> into the item schema of the list property it marks.</summary>
internal sealed class ItemLimitsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo?.GetCustomAttribute<ItemLimitsAttribute>() is { } limits && schema is OpenApiSchema { Items: OpenApiSchema items })
        {
            items.MaxLength = limits.MaxLength;
            items.Pattern = limits.Pattern;
        }
    }
}
