using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// States on route and query parameters, and on the fields of a <c>multipart/form-data</c> body, what the request's
/// validator enforces (ranges, lengths, patterns, sort keys, required fields and parameters), for endpoints that name their request
/// with <see cref="ParametersOfAttribute{TRequest}"/>. A file field is bounded by the operation's body limit; the
/// rules its request states under the file's name concern the file's name, not its bytes.
/// </summary>
internal sealed class ParameterRulesFilter(ValidatorRules validators) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo?.GetCustomAttributes().OfType<IParametersOf>().SingleOrDefault() is not { } parametersOf)
        {
            return;
        }

        var rules = validators.ByJsonName(parametersOf.RequestType);
        if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) == true && form.Schema is OpenApiSchema { Properties: { } fields } body)
        {
            // The generated `style: form` applies to urlencoded forms only (OpenAPI 3.0, Encoding Object); validators
            // that apply it anyway refuse a file's bytes for holding "reserved characters".
            if (form is OpenApiMediaType media)
            {
                media.Encoding = null;
            }

            foreach (var (name, field) in fields)
            {
                if (field is not OpenApiSchema schema)
                {
                    continue;
                }

                if (schema.Format == "binary")
                {
                    schema.MaxLength = (int)Math.Min(int.MaxValue, ErrorHandling.RequestBodyLimits.For(context.ApiDescription.ActionDescriptor.EndpointMetadata));
                }
                else
                {
                    foreach (var rule in rules[name])
                    {
                        ValidatorRules.Apply(rule, schema);
                    }
                }

                if (rules[name].Any(ValidatorRules.Requires))
                {
                    body.Required ??= new HashSet<string>(StringComparer.Ordinal);
                    body.Required.Add(name);
                }
            }
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Path or ParameterLocation.Query, Name: { } name, Schema: OpenApiSchema schema } declared)
            {
                foreach (var rule in rules[name])
                {
                    ValidatorRules.Apply(rule, schema);
                }

                if (rules[name].Any(ValidatorRules.Requires))
                {
                    declared.Required = true;
                }
            }
        }
    }
}
