using Dti.Application.Common.Interfaces;
using MediatR;

namespace Dti.Application.Webhooks.Commands.DeleteWebhook;

/// <summary>Deletes a subscription with its delivery log; nothing more is sent to it. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record DeleteWebhookCommand(Guid Id, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteWebhookHandler(IApplicationDbContext db, ICurrentClient client) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.GetWebhookForUpdateAsync(client, request.Id, request.ExpectedVersion, cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
