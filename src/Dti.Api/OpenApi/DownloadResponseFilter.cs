using System.Text.Json.Nodes;
using Dti.Domain.Evidence;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Dti.Api.OpenApi;

/// <summary>Marks a file download and the media types it may have; set with <see cref="DownloadEndpoints.ProducesDownload"/>.</summary>
internal sealed record DownloadMetadata(IReadOnlyList<string> MediaTypes);

/// <summary>
/// Documents a file download's 200: its media types (bytes, so no schema; <see cref="StandardResponsesFilter"/> runs
/// after this and adds the shared headers), and the headers it comes with — the attachment's
/// name (<c>Content-Disposition</c>), the content's hash as <c>ETag</c> and <c>X-Content-Type-Options: nosniff</c>.
/// </summary>
internal sealed class DownloadResponseFilter : IOperationFilter
{
    /// <summary>A content hash as a strong ETag: <c>"&lt;64 hex characters&gt;"</c>.</summary>
    public const string ContentETagPattern = "^\"[0-9a-f]{64}\"$";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var download = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DownloadMetadata>().FirstOrDefault();
        if (download is null)
        {
            return;
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The file's bytes.",
            Content = download.MediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType()),
            Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Content-Disposition"] = new OpenApiHeader
                {
                    Description = "`attachment; filename=\"<name in ASCII>\"; filename*=UTF-8''<the name, percent-encoded>` (RFC 6266, RFC 8187).",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 4000, Pattern = "^attachment; " },
                },
                [ResponseHeaders.ETag] = new OpenApiHeader
                {
                    Description = "The SHA-256 of the content, in quotes.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = EvidenceLimits.Sha256Length + 2, Pattern = ContentETagPattern },
                },
                ["X-Content-Type-Options"] = new OpenApiHeader
                {
                    Description = "Browsers must not guess another type than the one sent.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("nosniff")] },
                },
            },
        };
    }
}

/// <summary>Declares downloads on endpoints.</summary>
internal static class DownloadEndpoints
{
    /// <summary>The operation answers 200 with a file of one of <paramref name="mediaTypes"/> (see <see cref="DownloadResponseFilter"/>).</summary>
    public static RouteHandlerBuilder ProducesDownload(this RouteHandlerBuilder builder, IEnumerable<string> mediaTypes) =>
        builder.WithMetadata(new DownloadMetadata([.. mediaTypes]));
}
