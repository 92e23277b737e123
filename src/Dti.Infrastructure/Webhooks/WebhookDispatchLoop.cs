using Dti.Application.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Webhooks;

/// <summary>
/// Runs <see cref="WebhookDispatcher"/> passes for the life of the host: again at once after a full batch, otherwise
/// after <see cref="WebhookOptions.PollInterval"/>. Off when <see cref="WebhookOptions.DispatchInBackground"/> is false.
/// </summary>
public sealed class WebhookDispatchLoop(WebhookDispatcher dispatcher, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatchLoop> logger)
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
                if (taken < settings.BatchSize)
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the deliveries wait for the next pass.
                logger.LogError(ex, "A webhook dispatch pass failed; the next starts in {PollInterval}.", settings.PollInterval);
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
