using Dti.Domain.Webhooks;

namespace Dti.Application.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section: where deliveries may go and how they are retried.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Hosts a subscription may name with plain http (a provincial intranet); every other URL must be https.</summary>
    public List<string> AllowedHttpHosts { get; set; } = [];

    /// <summary>Prefix of the resource URLs in event bodies (<c>https://dti.example.gov.vn</c>); without it they are paths (<c>/api/v1/reports/…</c>).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Run the delivery loop in this instance. Off only where something else runs the passes (tests).</summary>
    public bool DispatchInBackground { get; set; } = true;

    /// <summary>How long the loop sleeps when nothing was due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many deliveries one pass takes.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long taken deliveries stay with the instance that took them; after it they return to the queue. Must exceed
    /// <see cref="BatchSize"/> × <see cref="AttemptTimeout"/> (checked at start), so a pass finishes its batch under its claim.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take, connection included; a slower receiver counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many failed attempts a delivery is given up (it can still be re-sent).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; it doubles with every further failure, with up to a fifth added at random.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Consecutive failed attempts to one subscription that open its circuit.</summary>
    public int PauseAfterFailures { get; set; } = 5;

    /// <summary>How long an open circuit sends nothing to the subscription.</summary>
    public TimeSpan PauseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Consecutive failed attempts after which the subscription is disabled until its client activates it again.</summary>
    public int DisableAfterFailures { get; set; } = 50;

    /// <summary>The URLs subscriptions may name under these settings.</summary>
    public WebhookUrlPolicy UrlPolicy() => new(AllowedHttpHosts);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt, before jitter.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        var doubled = RetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return doubled >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(doubled);
    }
}
