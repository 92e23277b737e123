using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>
/// States on route and query parameters what the request's validator enforces (ranges, lengths, patterns, sort keys),
/// for endpoints that name their request with <see cref="ParametersOfAttribute{TRequest}"/>.
/// </summary>
internal sealed class ParameterRulesFilter(ValidatorRules validators) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo?.GetCustomAttributes().OfType<IParametersOf>().SingleOrDefault() is not { } parametersOf || operation.Parameters is null)
        {
            return;
        }

        var rules = validators.ByJsonName(parametersOf.RequestType);
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter is { In: ParameterLocation.Path or ParameterLocation.Query, Name: { } name, Schema: OpenApiSchema schema })
            {
                foreach (var rule in rules[name])
                {
                    ValidatorRules.Apply(rule, schema);
                }
            }
        }
    }
}
