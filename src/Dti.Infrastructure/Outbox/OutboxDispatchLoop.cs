using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> passes for the life of the host: again at once after a full batch,
/// otherwise after <see cref="OutboxOptions.PollInterval"/> or <see cref="OutboxOptions.WakeDelay"/> after a save in this instance wrote events.
/// When idle, at most every <see cref="OutboxOptions.PurgeInterval"/>, it deletes old processed messages (the interval
/// is only a pace: several instances purging at once is harmless). Off when <see cref="OutboxOptions.DispatchInBackground"/> is false.
/// </summary>
public sealed class OutboxDispatchLoop(
    OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatchLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatchInBackground)
        {
            return;
        }

        var nextPurge = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await dispatcher.DispatchOnceAsync(stoppingToken);
                if (taken == 0 && clock.GetUtcNow() >= nextPurge)
                {
                    nextPurge = clock.GetUtcNow() + settings.PurgeInterval;
                    var purged = await dispatcher.PurgeProcessedAsync(stoppingToken);
                    logger.LogDebug("Deleted {Purged} processed outbox messages older than {Retention}.", purged, settings.ProcessedRetention);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the messages wait for the next pass.
                logger.LogError(ex, "An outbox dispatch pass failed; the next starts in {PollInterval}.", settings.PollInterval);
            }

            if (taken < settings.BatchSize)
            {
                try
                {
                    if (await signal.WaitAsync(settings.PollInterval, stoppingToken) && settings.WakeDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(settings.WakeDelay, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
