using Microsoft.AspNetCore.Http.Metadata;

namespace Dti.Api.ErrorHandling;

/// <summary>
/// How large a request body each operation accepts. An endpoint declares its limit with
/// <see cref="WithRequestBodyLimit{TBuilder}"/>; one that declares none accepts <see cref="Json"/>. The
/// declaration is ASP.NET Core's <see cref="IRequestSizeLimitMetadata"/>: routing hands it to the server
/// (Kestrel stops a longer body while it streams), <see cref="RequestBodyLimit"/> answers 413 naming it, and the
/// OpenAPI document states it per operation as <c>x-max-request-body-bytes</c>.
/// </summary>
internal static class RequestBodyLimits
{
    /// <summary>Ordinary JSON commands: a plan, an agency, a client, a deadline rule.</summary>
    public const long Json = 256 * 1024;

    /// <summary>A whole framework definition as JSON: up to 500 component indices with Vietnamese and English names.</summary>
    public const long FrameworkDefinition = 1024 * 1024;

    /// <summary>
    /// A component-index CSV import: at most 500 rows, whose longest legal rows (three 500-character texts in
    /// Vietnamese, up to 3 bytes a character in UTF-8) come to about 2.4 MB.
    /// </summary>
    public const long CsvImport = 4 * 1024 * 1024;

    /// <summary>
    /// Room in an evidence upload for what surrounds the file: the multipart boundaries, each part's headers (a
    /// Vietnamese file name percent-encoded in <c>filename*</c> is up to 255 × 9 bytes) and a 2,000-character
    /// description in UTF-8.
    /// </summary>
    public const long MultipartOverhead = 64 * 1024;

    /// <summary>
    /// An evidence upload (multipart/form-data): the largest file the <c>Evidence:MaxFileBytes</c> setting allows, and
    /// <see cref="MultipartOverhead"/>. A file over the setting but within this is refused naming <c>file</c> (422).
    /// </summary>
    public static long EvidenceUpload(long maxFileBytes) => maxFileBytes + MultipartOverhead;

    /// <summary>
    /// A report's whole content: up to 200 entries with a note, an explanation and a text value of 2,000 characters each
    /// and 20 evidence ids, and three 20,000-character sections — in Vietnamese (up to 3 bytes a character), about 4 MB.
    /// </summary>
    public const long ReportContent = 4 * 1024 * 1024;

    /// <summary>
    /// Declares the largest body this endpoint accepts, above or below <see cref="Json"/>. A file upload declares
    /// its tens of megabytes here, e.g. <c>.WithRequestBodyLimit(50 * 1024 * 1024)</c>; routing raises Kestrel's own
    /// 30 MB default for that endpoint alone.
    /// </summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return builder.WithMetadata(new Limit(bytes));
    }

    /// <summary>The limit that applies given an endpoint's metadata. A declaration that disables the limit (null) is not honoured: every body is bounded.</summary>
    public static long For(IEnumerable<object>? metadata) =>
        metadata?.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize ?? Json;

    internal static BadHttpRequestException TooLarge(long limit, long? length) => new(
        length is { } declared
            ? $"The request body is {declared} bytes; this operation accepts at most {limit} bytes."
            : $"The request body is larger than this operation accepts: at most {limit} bytes.",
        StatusCodes.Status413PayloadTooLarge);

    private sealed record Limit(long Bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => Bytes;
    }
}
