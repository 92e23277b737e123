namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's dispatch loop when a save wrote outbox messages, so events are published at once
/// rather than at the next poll. Other instances find the messages at their next poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _gate = new();

    public void Notify()
    {
        // One pending wake-up covers every message written before the loop wakes.
        lock (_gate)
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    /// <summary>Waits until <see cref="Notify"/> is called (true) or <paramref name="timeout"/> passes (false).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
