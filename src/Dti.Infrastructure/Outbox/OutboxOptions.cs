namespace Dti.Infrastructure.Outbox;

/// <summary>The <c>Outbox</c> configuration section: how domain events are dispatched after commit.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public const int MaxBatchSize = 1000;

    /// <summary>Run the dispatch loop in this instance. Off only where something else runs the passes (tests).</summary>
    public bool DispatchInBackground { get; set; } = true;

    /// <summary>How long the loop sleeps when there was nothing to do (a save in this instance wakes it early).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the loop waits, once a save woke it, before its pass: the events of the saves made meanwhile go in the
    /// same pass (under a burst of writes, one pass per this interval instead of one per save). Zero passes at once.
    /// </summary>
    public TimeSpan WakeDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many messages one pass takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long taken messages stay with the instance that took them; after it they return to the queue.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many attempts a message is left for an operator, with its last error.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the first retry; it doubles with every further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long processed messages are kept (to look into what was published) before they are deleted.</summary>
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often an idle instance deletes processed messages older than <see cref="ProcessedRetention"/>.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        var doubled = RetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return doubled >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(doubled);
    }
}
