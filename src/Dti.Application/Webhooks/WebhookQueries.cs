using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Webhooks;

internal static class WebhookQueries
{
    /// <summary>The subscriptions the caller may see: its own, or every one for a coordinator.</summary>
    public static IQueryable<WebhookSubscription> VisibleTo(this IQueryable<WebhookSubscription> subscriptions, ICurrentClient client) =>
        client.IsCoordinator ? subscriptions : subscriptions.Where(s => s.ClientId == client.ClientId);

    /// <summary>A subscription the caller may see, or 404 — the same 404 whether it is missing or another client's.</summary>
    public static async Task<WebhookSubscription> GetVisibleWebhookAsync(this IApplicationDbContext db, ICurrentClient client, Guid id, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.VisibleTo(client).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("Webhook", id.ToString());

    /// <summary>Loads a subscription for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<WebhookSubscription> GetWebhookForUpdateAsync(
        this IApplicationDbContext db, ICurrentClient client, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await db.GetVisibleWebhookAsync(client, id, cancellationToken);
        PreconditionFailedException.ThrowIfStale("Webhook", id.ToString(), subscription.Version, expectedVersion);
        return subscription;
    }
}
