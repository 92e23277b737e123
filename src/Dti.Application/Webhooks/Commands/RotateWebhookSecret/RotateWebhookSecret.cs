using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;

namespace Dti.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>Issues a new secret; attempts from now on are signed with it. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<WebhookWithSecretDto>>;

public sealed class RotateWebhookSecretHandler(IApplicationDbContext db, ICurrentClient client, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<RotateWebhookSecretCommand, Versioned<WebhookWithSecretDto>>
{
    public async Task<Versioned<WebhookWithSecretDto>> Handle(RotateWebhookSecretCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.GetWebhookForUpdateAsync(client, request.Id, request.ExpectedVersion, cancellationToken);
        var secret = WebhookSecrets.Issue();
        subscription.RotateSecret(secret, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<WebhookWithSecretDto>(new WebhookWithSecretDto(subscription.Adapt<WebhookDto>(config), secret), subscription.Version);
    }
}
