using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Webhooks;

/// <summary>The outbox and webhook passes a test runs itself when the background loops are off.</summary>
public static class WebhookPasses
{
    /// <summary>Publishes the stored events, then posts due deliveries until a pass finds none (a bounded number of passes).</summary>
    public static async Task DeliverAllAsync(IServiceProvider services, int passes = 30)
    {
        var outbox = services.GetRequiredService<OutboxDispatcher>();
        while (await outbox.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }

        var webhooks = services.GetRequiredService<WebhookDispatcher>();
        for (var pass = 0; pass < passes && await webhooks.DispatchOnceAsync(CancellationToken.None) > 0; pass++)
        {
        }
    }
}
