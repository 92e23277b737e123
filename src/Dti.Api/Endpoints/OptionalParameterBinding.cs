using System.Globalization;
using System.Reflection;

namespace Dti.Api.Endpoints;

/// <summary>
/// An optional query parameter whose value does not parse (<c>?page=x</c>, <c>?agencyKind=Ministry</c>) is a 400 naming
/// the parameter, like a required one. The request delegates are generated at compile time (the Request Delegate
/// Generator), and for an optional parameter they only set the status to 400 and call the filters, without the binding
/// failure they throw for a required one; this filter finds the value and throws that same failure, which
/// <see cref="ErrorHandling.ProblemDetailsExceptionHandler"/> answers with a problem naming the field and the rule.
/// </summary>
internal static class OptionalParameterBinding
{
    /// <summary>Wraps the endpoints that have optional parsable parameters; any other endpoint is left as it is.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var optional = (
            from parameter in factory.MethodInfo.GetParameters()
            let underlying = Nullable.GetUnderlyingType(parameter.ParameterType)
            where parameter.IsOptional || underlying is not null
            let type = underlying ?? parameter.ParameterType
            let parses = ParserOf(type)
            where parses is not null
            select (Name: parameter.Name!, Type: type, Parses: parses)).ToArray();
        if (optional.Length == 0)
        {
            return next;
        }

        return context =>
        {
            // The status is 400 before any handler ran only when a parameter failed to bind.
            if (context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest)
            {
                foreach (var (name, type, parses) in optional)
                {
                    if (context.HttpContext.Request.Query[name] is { Count: > 0 } values && (string?)values is { Length: > 0 } value && !parses(value))
                    {
                        throw new BadHttpRequestException($"Failed to bind parameter \"{type.Name} {name}\" from \"{value}\".");
                    }
                }
            }

            return next(context);
        };
    }

    /// <summary>How the generated delegate parses a value of <paramref name="type"/>, or null when it takes the text as it is.</summary>
    private static Func<string, bool>? ParserOf(Type type)
    {
        if (type.IsEnum)
        {
            return value => Enum.TryParse(type, value, ignoreCase: false, out _);
        }

        if (type == typeof(bool))
        {
            return value => bool.TryParse(value, out _);
        }

        if (type == typeof(string))
        {
            return null;
        }

        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        return tryParse is null ? null : value => (bool)tryParse.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
    }
}
