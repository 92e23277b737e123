using System.Globalization;
using Dti.Application.Common.Models;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Endpoints;

/// <summary>Resource versions as strong ETags (<c>"3"</c>) and the If-Match precondition on writes.</summary>
internal static class ETags
{
    /// <summary>A version no resource has: an If-Match that names no valid version can never match.</summary>
    private const int NoVersion = -1;

    public static T WithETag<T>(this HttpResponse response, Versioned<T> versioned)
    {
        response.Headers.ETag = new EntityTagHeaderValue($"\"{versioned.Version.ToString(CultureInfo.InvariantCulture)}\"").ToString();
        return versioned.Value;
    }

    /// <summary>The version an If-Match header requires, or null when the client sent none (or <c>*</c>).</summary>
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
