using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Domain.Webhooks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Webhooks.Commands.UpdateWebhook;

/// <summary>A subscription's URL, event types, description and whether it is active (activating a disabled one retries its URL).</summary>
public sealed record UpdateWebhookInput(string Url, IReadOnlyList<string> EventTypes, bool Active, string? Description);

/// <summary>Replaces what a subscription sends where. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateWebhookCommand(Guid Id, UpdateWebhookInput Body, int? ExpectedVersion) : IRequest<Versioned<WebhookDto>>;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new UpdateWebhookInputValidator());
}

public sealed class UpdateWebhookInputValidator : AbstractValidator<UpdateWebhookInput>
{
    public UpdateWebhookInputValidator()
    {
        RuleFor(i => i.Url).NotEmpty().SingleLine(WebhookLimits.UrlMaxLength);
        RuleFor(i => i.EventTypes).NotEmpty().MaxItems(WebhookLimits.MaxEventTypes);
        RuleForEach(i => i.EventTypes).NoNullItems().SingleLine(WebhookLimits.EventTypeMaxLength);
        RuleFor(i => i.Description).SingleLine(WebhookLimits.DescriptionMaxLength);
    }
}

public sealed class UpdateWebhookHandler(IApplicationDbContext db, ICurrentClient client, IOptions<WebhookOptions> options, TypeAdapterConfig config)
    : IRequestHandler<UpdateWebhookCommand, Versioned<WebhookDto>>
{
    public async Task<Versioned<WebhookDto>> Handle(UpdateWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.GetWebhookForUpdateAsync(client, request.Id, request.ExpectedVersion, cancellationToken);
        var body = request.Body;
        subscription.Update(body.Url, body.EventTypes, body.Active, body.Description, options.Value.UrlPolicy());
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Adapt<Versioned<WebhookDto>>(config);
    }
}
