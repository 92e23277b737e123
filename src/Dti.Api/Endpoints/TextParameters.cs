using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Validation;

namespace Dti.Api.Endpoints;

/// <summary>
/// Holds query and route values to <see cref="TextRules"/> on every <c>/api/v1</c> endpoint (bodies are checked while
/// they are read, in <see cref="JsonConventions"/>): a forbidden character is a 400 naming the parameter, before any
/// handler or database sees it.
/// </summary>
internal sealed class TextParameters : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            Check(name, name, errors);
            foreach (var value in values)
            {
                Check(name, value, errors);
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            Check(name, value as string, errors);
        }

        return errors.Count == 0 ? next(context) : throw new ValidationException(errors);
    }

    private static void Check(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (text is not null && TextRules.IndexOfForbidden(text) is >= 0 and var index)
        {
            errors.TryAdd(name, [TextRules.Describe(text, index)]);
        }
    }
}
