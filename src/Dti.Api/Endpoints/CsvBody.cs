using System.Text;

namespace Dti.Api.Endpoints;

/// <summary>The body of a CSV import: <c>text/csv</c> only (415 otherwise), read as UTF-8.</summary>
internal static class CsvBody
{
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsCsv(request))
        {
            throw new BadHttpRequestException("This operation accepts 'text/csv' bodies.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Whether the body is <c>text/csv</c>.</summary>
    public static bool IsCsv(HttpRequest request) =>
        string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase);
}
