using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> passes for the life of the host: again at once after a full batch,
/// otherwise after <see cref="OutboxOptions.PollInterval"/> or as soon as a save in this instance wrote events.
/// Off when <see cref="OutboxOptions.DispatchInBackground"/> is false.
/// </summary>
public sealed class OutboxDispatchLoop(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxDispatchLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatchInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await dispatcher.DispatchOnceAsync(stoppingToken);
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
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
