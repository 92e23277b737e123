using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Domain.Clients;
using Dti.Domain.Webhooks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Webhooks.Commands.CreateWebhook;

/// <summary>Where a client wants events posted and which event types (names from docs/webhooks.md).</summary>
public sealed record CreateWebhookInput(string Url, IReadOnlyList<string> EventTypes, string? Description);

/// <summary>Registers a subscription for the calling client and issues its secret.</summary>
public sealed record CreateWebhookCommand(CreateWebhookInput Body) : IRequest<Versioned<WebhookWithSecretDto>>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new CreateWebhookInputValidator());
}

public sealed class CreateWebhookInputValidator : AbstractValidator<CreateWebhookInput>
{
    public CreateWebhookInputValidator()
    {
        RuleFor(i => i.Url).NotEmpty().SingleLine(WebhookLimits.UrlMaxLength);
        RuleFor(i => i.EventTypes).NotEmpty().MaxItems(WebhookLimits.MaxEventTypes);
        RuleForEach(i => i.EventTypes).NoNullItems().SingleLine(WebhookLimits.EventTypeMaxLength);
        RuleFor(i => i.Description).SingleLine(WebhookLimits.DescriptionMaxLength);
    }
}

/// <remarks>
/// What the subscription may receive is taken from the caller now: a coordinator everything, a reader or the ministry
/// what is published (the ministry also the self-assessment's snapshots, which only it may pull), an agency reporter
/// what concerns its agencies (checked again for every event at fan-out).
/// </remarks>
public sealed class CreateWebhookHandler(IApplicationDbContext db, ICurrentClient client, IOptions<WebhookOptions> options, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<CreateWebhookCommand, Versioned<WebhookWithSecretDto>>
{
    public async Task<Versioned<WebhookWithSecretDto>> Handle(CreateWebhookCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var audience = new WebhookAudience(
            client.IsCoordinator,
            client.Roles.Contains(ClientRole.Reader) || client.Roles.Contains(ClientRole.Ministry),
            client.Roles.Contains(ClientRole.Ministry),
            client.Roles.Contains(ClientRole.AgencyReporter) ? [.. client.AgencyIds] : []);
        var secret = WebhookSecrets.Issue();
        var subscription = WebhookSubscription.Register(
            client.ClientId ?? throw new InvalidOperationException("An authenticated caller has a client id."),
            body.Url, body.Description, body.EventTypes, audience, secret, options.Value.UrlPolicy(), clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<WebhookWithSecretDto>(new WebhookWithSecretDto(subscription.Adapt<WebhookDto>(config), secret), subscription.Version);
    }
}
