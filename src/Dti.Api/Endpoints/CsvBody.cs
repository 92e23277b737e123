using System.Text;

namespace Dti.Api.Endpoints;

/// <summary>The body of a CSV import: <c>text/csv</c> only (415 otherwise), read as UTF-8.</summary>
internal static class CsvBody
{
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("This operation accepts 'text/csv' bodies.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
