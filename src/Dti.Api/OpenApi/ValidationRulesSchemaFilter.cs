using System.Reflection;
using Dti.Application.Common.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// States in each body schema what its validator enforces: required fields (<c>NotNull</c>/<c>NotEmpty</c>), lengths,
/// patterns, ranges, item counts and allowed values. A response DTO marked <see cref="LimitsOfAttribute"/> gets the
/// limits of the input its values came through, but never "required" — that follows from nullability.
/// </summary>
internal sealed class ValidationRulesSchemaFilter(ValidatorRules validators) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target)
        {
            return;
        }

        var limitsOf = context.Type.GetCustomAttribute<LimitsOfAttribute>()?.InputType;
        foreach (var rules in validators.ByJsonName(limitsOf ?? context.Type))
        {
            if (!target.Properties.TryGetValue(rules.Key, out var property))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                // A reference (an enum, a nested object) carries its own limits; only "required" is said here.
                if (property is OpenApiSchema limits)
                {
                    ValidatorRules.Apply(rule, limits);
                }

                if (limitsOf is null && ValidatorRules.Requires(rule))
                {
                    (target.Required ??= new SortedSet<string>(StringComparer.Ordinal)).Add(rules.Key);
                    if (property is OpenApiSchema { Type: { } type } nonNull)
                    {
                        nonNull.Type = type & ~JsonSchemaType.Null;
                    }
                }
            }
        }
    }
}
