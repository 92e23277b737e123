namespace Dti.Infrastructure.Idempotency;

/// <summary>
/// One Idempotency-Key of one client: claimed while its first request runs (<see cref="CompletedAt"/> null), then the
/// response that request got, replayed to retries until <see cref="ExpiresAt"/>. Only the claimant holding
/// <see cref="ClaimToken"/> may complete or release it.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int ClientIdMaxLength = Domain.Auditing.AuditLimits.ClientIdMaxLength;

    /// <summary>draft-ietf-httpapi-idempotency-key-header: keys are strings; 255 printable ASCII characters is this API's bound.</summary>
    public const int KeyMaxLength = 255;

    public const int HashLength = 64;

    public const int ContentTypeMaxLength = 200;

    public const int LocationMaxLength = 2000;

    public const int ETagMaxLength = 200;

    private IdempotencyRecord()
    {
    }

    public string ClientId { get; private set; } = null!;

    public string Key { get; private set; } = null!;

    /// <summary>SHA-256 of the first request (method, path and query, body): a retry must be the same request.</summary>
    public string RequestHash { get; private set; } = null!;

    public Guid ClaimToken { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the row may be deleted and the key used afresh.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? ETag { get; private set; }

    public byte[]? Body { get; private set; }

    public static IdempotencyRecord Claim(string clientId, string key, string requestHash, DateTimeOffset now, TimeSpan retention) => new()
    {
        ClientId = clientId,
        Key = key,
        RequestHash = requestHash,
        ClaimToken = Guid.NewGuid(),
        ClaimedAt = now,
        ExpiresAt = now + retention,
    };
}
