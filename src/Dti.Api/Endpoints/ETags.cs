using System.Globalization;
using Dti.Application.Common.Models;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Endpoints;

/// <summary>
/// Resource versions as strong ETags (<c>"3"</c>) and the If-Match precondition on writes: every update, transition
/// and delete of an existing resource declares <see cref="RequireIfMatch"/>, and <see cref="IfMatchPrecondition"/>
/// refuses it without If-Match (428).
/// </summary>
internal static class ETags
{
    /// <summary>A version no resource has: an If-Match that names no valid version can never match.</summary>
    private const int NoVersion = -1;

    public static T WithETag<T>(this HttpResponse response, Versioned<T> versioned)
    {
        response.Headers.ETag = new EntityTagHeaderValue($"\"{versioned.Version.ToString(CultureInfo.InvariantCulture)}\"").ToString();
        return versioned.Value;
    }

    /// <summary>
    /// Declares that the operation changes an existing versioned resource: without If-Match it answers 428 (and the
    /// document says so); with a stale one, 412 from the handler.
    /// </summary>
    /// <param name="builder">The operation.</param>
    /// <param name="orCreate">A PUT that also creates: <c>If-None-Match: *</c> may stand in for If-Match.</param>
    public static RouteHandlerBuilder RequireIfMatch(this RouteHandlerBuilder builder, bool orCreate = false) =>
        builder.WithMetadata(new IfMatchRequirement(orCreate))
            .ProducesProblems(StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Declares an operation that appends to a versioned resource: If-Match is not required, but when sent it must be
    /// current (412 from the handler). The document lists the header as optional.
    /// </summary>
    public static RouteHandlerBuilder AcceptsIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IfMatchRequirement(OrCreate: false, Optional: true))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Whether the request names a version with If-Match (anything but nothing or <c>*</c>).</summary>
    public static bool NamesAVersion(this HttpRequest request) => request.ExpectedVersion() is not null;

    /// <summary>
    /// The version an If-Match header requires, or null when the client sent none (or <c>*</c>) — only possible where
    /// If-Match is optional or <c>If-None-Match: *</c> asked to create.
    /// </summary>
    public static int? ExpectedVersion(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag))
        {
            return NoVersion;
        }

        return int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : NoVersion;
    }
}
