using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Idempotency;

/// <summary>
/// What makes two requests "the same request" for an Idempotency-Key: SHA-256 over the method, the path and query, and
/// the body. A multipart body counts by its parts — each part's field name, file name and bytes — not by its bytes,
/// because clients draw a new random boundary for every attempt. The body is buffered so the endpoint reads it again.
/// </summary>
internal static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Encoding.UTF8.GetBytes(request.Method));
        Append(hash, Encoding.UTF8.GetBytes(request.Path.Value + request.QueryString.Value));

        request.EnableBuffering();
        if (!await TryAppendPartsAsync(hash, request, cancellationToken))
        {
            request.Body.Position = 0;
            var buffer = new byte[81_920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Hashes a well-formed multipart body part by part; false (nothing hashed) for any other body.</summary>
    private static async Task<bool> TryAppendPartsAsync(IncrementalHash hash, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return false;
        }

        using var parts = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            request.Body.Position = 0;
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var (name, fileName) = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    ? (disposition.Name.Value, disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value)
                    : (null, null);
                Append(parts, Encoding.UTF8.GetBytes(name ?? string.Empty));
                Append(parts, Encoding.UTF8.GetBytes(fileName ?? string.Empty));
                using var content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81_920];
                int read;
                while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    content.AppendData(buffer, 0, read);
                }

                Append(parts, content.GetHashAndReset());
            }
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // Not well-formed multipart: the endpoint will refuse it; the fingerprint falls back to the bytes.
            return false;
        }

        Append(hash, parts.GetHashAndReset());
        return true;
    }

    /// <summary>Each value with its length first, so that no two different sequences of values hash alike.</summary>
    private static void Append(IncrementalHash hash, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        hash.AppendData(length);
        hash.AppendData(value);
    }
}
