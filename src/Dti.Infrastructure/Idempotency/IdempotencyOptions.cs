namespace Dti.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section: how long responses to keyed requests are kept for replay.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    public const int MaxRetentionHours = 24 * 30;

    /// <summary>How long a stored response is replayed for the same key, counted from the first response (default 24 hours).</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>
    /// How long a key stays claimed by a request that has not answered yet (default 60 seconds). A claim older than this
    /// is taken to belong to a process that died mid-request, and the next request with the key runs again; it must
    /// exceed the longest a creation takes (the body is already read when the key is claimed).
    /// </summary>
    public int ClaimTimeoutSeconds { get; set; } = 60;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    public TimeSpan ClaimTimeout => TimeSpan.FromSeconds(ClaimTimeoutSeconds);
}
