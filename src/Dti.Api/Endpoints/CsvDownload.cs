using Dti.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Dti.Application.Common.Csv;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Endpoints;

/// <summary>
/// Serves a <see cref="CsvFile"/> as a download — <c>text/csv; charset=utf-8</c>, its name in <c>Content-Disposition</c>,
/// its SHA-256 as a strong ETag, <c>nosniff</c> — and declares that in the contract.
/// </summary>
internal static class CsvDownload
{
    public const string MediaType = "text/csv; charset=utf-8";

    public static FileContentHttpResult Send(HttpResponse response, CsvFile file)
    {
        response.Headers.ContentDisposition = Attachments.ContentDisposition(file.FileName);
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, MediaType, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>The operation answers 200 with a CSV file (see <see cref="DownloadResponseFilter"/>).</summary>
    public static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder builder) => builder.ProducesDownload([MediaType]);
}
