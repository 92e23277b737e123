using Microsoft.OpenApi;

namespace Dti.Api.OpenApi;

/// <summary>The response headers the API sends, declared once under <c>components/headers</c> and referenced by each response.</summary>
internal static class ResponseHeaders
{
    public const string RateLimit = "RateLimit";
    public const string RateLimitPolicy = "RateLimit-Policy";
    public const string RetryAfter = "Retry-After";
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string WwwAuthenticate = "WWW-Authenticate";

    /// <summary>A version as a strong ETag: <c>"3"</c>, up to <see cref="int.MaxValue"/>.</summary>
    public const string ETagPattern = "^\"[0-9]{1,10}\"$";

    /// <summary>An ETag, or <c>*</c> (any version).</summary>
    public const string IfMatchPattern = "^(\\*|\"[0-9]{1,10}\")$";

    public const int ETagMaxLength = 12;

    /// <summary>Header values are visible ASCII and spaces (RFC 9110 field values).</summary>
    private const string FieldValue = "^[\\x20-\\x7E]*$";

    private static readonly Dictionary<string, Func<OpenApiHeader>> Definitions = new(StringComparer.Ordinal)
    {
        [RateLimit] = () => Text(
            "The client's remaining quota in the current window, as an IETF RateLimit structured field: `\"client\";r=599;t=42` — r requests remain, the window resets in t seconds.",
            200),
        [RateLimitPolicy] = () => Text(
            "The quota policy, as an IETF RateLimit-Policy structured field: `\"client\";q=600;w=60` — q requests per window of w seconds, per client (anonymous callers: per IP address).",
            200),
        [RetryAfter] = () => new OpenApiHeader
        {
            Description = "Seconds to wait before the quota allows another request.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = ((int)Security.RateLimits.WindowLength.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        [ETag] = () => new OpenApiHeader
        {
            Description = "The resource's version; send it back as If-Match to change the resource safely.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ETagMaxLength, Pattern = ETagPattern },
        },
        [Location] = () => new OpenApiHeader
        {
            Description = "The address of the created resource.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 200 },
        },
        [WwwAuthenticate] = () => Text("The authentication schemes the API accepts, e.g. `ApiKey realm=\"Dti.Api\", header=\"X-Api-Key\"`.", 200),
    };

    /// <summary>A reference to the header's component, adding the component to the document the first time.</summary>
    public static IOpenApiHeader Reference(string name, OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        if (!document.Components.Headers.ContainsKey(name))
        {
            document.Components.Headers[name] = Definitions[name]();
        }

        return new OpenApiHeaderReference(name, document);
    }

    private static OpenApiHeader Text(string description, int maxLength) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength, Pattern = FieldValue },
    };
}
