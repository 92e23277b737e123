using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dti.Api.Endpoints;

/// <summary>
/// The JSON body of an operation that also takes another media type (CSV), so binding cannot read it: read here with the
/// API's JSON conventions, a malformed body failing as binding would (400 naming the JSON path).
/// </summary>
internal static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("This operation accepts 'application/json' or 'text/csv' bodies.", StatusCodes.Status415UnsupportedMediaType);
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await request.ReadFromJsonAsync<T>(options, cancellationToken);
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException("The body is not valid JSON for this operation.", StatusCodes.Status400BadRequest, json);
        }
    }
}
