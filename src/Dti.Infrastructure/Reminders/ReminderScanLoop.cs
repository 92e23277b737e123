using Dti.Application.Reminders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Reminders;

/// <summary>
/// Runs a <see cref="ReminderScanner"/> scan at start and then every <see cref="ReminderOptions.ScanInterval"/>, on every
/// instance (scans take turns through their claim row). Off when <see cref="ReminderOptions.Enabled"/> is false.
/// </summary>
public sealed class ReminderScanLoop(ReminderScanner scanner, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScanLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scanner.ScanOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable, or a concurrent scan won a race the unique index settled:
                // nothing was saved, and the next scan raises what is still due.
                logger.LogError(ex, "A reminder scan failed; the next starts in {ScanInterval}.", settings.ScanInterval);
            }

            try
            {
                await Task.Delay(settings.ScanInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
