using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>The longest text System.Text.Json writes and reads for ids, dates, times of day and instants, on every schema of those types.</summary>
internal sealed class WireFormatsSchemaFilter : ISchemaFilter
{
    /// <summary><c>0198c3d2-6f1e-7a41-9b2c-3d4e5f607182</c>.</summary>
    private const int GuidLength = 36;

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    private const int DateLength = 10;

    /// <summary><c>HH:mm:ss.fffffff</c>, the longest time of day System.Text.Json writes or reads.</summary>
    private const int TimeMaxLength = 16;

    /// <summary>System.Text.Json reads ISO 8601 instants of at most 42 characters and writes at most 33 (<c>2026-01-05T09:30:00.1234567+07:00</c>).</summary>
    private const int InstantMaxLength = 42;

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Type: { } type } target || !type.HasFlag(JsonSchemaType.String))
        {
            return;
        }

        var clrType = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        target.MaxLength ??= clrType == typeof(Guid) ? GuidLength
            : clrType == typeof(DateOnly) ? DateLength
            : clrType == typeof(DateTimeOffset) ? InstantMaxLength
            : clrType == typeof(TimeOnly) ? TimeMaxLength
            : null;
    }
}
