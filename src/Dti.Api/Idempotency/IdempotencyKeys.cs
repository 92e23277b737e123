using System.Text;
using Dti.Api.Endpoints;
using Dti.Application.Common.Exceptions;
using Dti.Infrastructure.Idempotency;

namespace Dti.Api.Idempotency;

/// <summary>Marks an operation that honours <c>Idempotency-Key</c>; set with <see cref="IdempotencyKeys.WithIdempotency"/>.</summary>
internal sealed record IdempotentOperation;

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header): a client that may retry a
/// creation sends a key of its choosing, and every retry with the same key and the same request gets the first
/// response again instead of creating twice. <see cref="IdempotentRequests"/> and <see cref="IdempotentResponses"/>
/// do the work; the keys live in the database (<see cref="IdempotencyStore"/>).
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Added to a replayed response.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>A key as sent: 1–255 printable ASCII characters, bare or as a structured-field string in quotes (RFC 8941).</summary>
    public const string Pattern = "^[\\x20-\\x7E]{1,257}$";

    /// <summary>The longest header value: a key of <see cref="IdempotencyRecord.KeyMaxLength"/> in quotes.</summary>
    public const int HeaderMaxLength = IdempotencyRecord.KeyMaxLength + 2;

    /// <summary>
    /// Declares that the operation honours <c>Idempotency-Key</c>: a retry with the same key and request replays the first
    /// response (2xx, or a 4xx that would not change), the same key with another request is 422, a retry while the
    /// first is still running is 409. The key is optional; without it the request simply runs.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentOperation())
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    /// <summary>The key of a request that sends one; null when it sends none; a 400 naming the header when it is malformed.</summary>
    public static string? Read(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count != 1)
        {
            throw Malformed("Send one Idempotency-Key header, not several.");
        }

        // Blanks around a field value are not part of it (RFC 9110 §5.5); servers differ in whether they strip them.
        var value = (values[0] ?? string.Empty).Trim(' ', '\t');
        var key = value.Length >= 2 && value[0] == '"' ? Unquote(value) : value;
        if (key.Length is 0 or > IdempotencyRecord.KeyMaxLength || key.Any(c => c is < ' ' or > '~'))
        {
            throw Malformed($"An Idempotency-Key is 1–{IdempotencyRecord.KeyMaxLength} printable ASCII characters (a UUID is a good choice), bare or in double quotes.");
        }

        return key;
    }

    /// <summary>A structured-field string: the characters between the quotes, where only <c>\"</c> and <c>\\</c> are escapes.</summary>
    private static string Unquote(string value)
    {
        if (value[^1] != '"')
        {
            throw Malformed("The Idempotency-Key starts with a double quote but does not end with one.");
        }

        var key = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                if (i + 1 == value.Length - 1 || value[i + 1] is not ('"' or '\\'))
                {
                    throw Malformed("In a quoted Idempotency-Key a backslash may only escape a double quote or a backslash.");
                }

                c = value[++i];
            }
            else if (c == '"')
            {
                throw Malformed("A double quote inside a quoted Idempotency-Key must be escaped as \\\".");
            }

            key.Append(c);
        }

        return key.ToString();
    }

    private static ValidationException Malformed(string message) => new(Header, message);
}

/// <summary>A request's Idempotency-Key cannot be used now: 409 (its first request is still running) or 422 (it was used for another request).</summary>
internal sealed class IdempotencyKeyException(int status, string rule, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Rule { get; } = rule;
}
