using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Webhooks;
using Dti.Application.Webhooks.Commands.CreateWebhook;
using Dti.Application.Webhooks.Commands.DeleteWebhook;
using Dti.Application.Webhooks.Commands.RedeliverWebhook;
using Dti.Application.Webhooks.Commands.RotateWebhookSecret;
using Dti.Application.Webhooks.Commands.UpdateWebhook;
using Dti.Application.Webhooks.Queries.GetWebhook;
using Dti.Application.Webhooks.Queries.ListWebhookDeliveries;
using Dti.Application.Webhooks.Queries.ListWebhooks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>
/// Webhook subscriptions: every client registers its own and sees only its own (coordinators see all); signed events
/// are posted to them from the outbox after commit (docs/webhooks.md).
/// </summary>
internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Authenticated);
        webhooks.MapGet("/", ListWebhooks).WithName(nameof(ListWebhooks))
            .WithSummary("List webhook subscriptions")
            .WithDescription("The caller's own subscriptions, oldest first (a coordinator sees every client's). Secrets are never shown.");
        webhooks.MapGet("/{id:guid}", GetWebhook).WithName(nameof(GetWebhook))
            .WithSummary("Get a webhook subscription")
            .WithDescription("Its URL, event types, state and circuit: consecutive failures, `pausedUntil` while paused, and `disabledAt` with `disabledReason` once the dispatcher gave up on the URL. Another client's subscription answers 404. The ETag header carries the version that changes name in If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/", CreateWebhook).WithName(nameof(CreateWebhook))
            .WithSummary("Subscribe to events")
            .WithDescription("`url` must be https (plain http only to the hosts in the setting `Webhooks:AllowedHttpHosts`); `eventTypes` name types from the catalogue in docs/webhooks.md. The signing secret is in the response and shown only this once. What the subscription may receive follows the caller's roles and agencies (docs/webhooks.md).")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        webhooks.MapPut("/{id:guid}", UpdateWebhook).WithName(nameof(UpdateWebhook))
            .RequireIfMatch()
            .WithSummary("Change a webhook subscription")
            .WithDescription("Replaces its URL, event types, description and `active`. Activating a disabled subscription clears its failures and tries its URL again, pending deliveries included.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        webhooks.MapDelete("/{id:guid}", DeleteWebhook).WithName(nameof(DeleteWebhook))
            .RequireIfMatch()
            .WithSummary("Delete a webhook subscription")
            .WithDescription("Nothing more is sent to it; its delivery log is deleted with it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecret).WithName(nameof(RotateWebhookSecret))
            .RequireIfMatch()
            .WithSummary("Issue a new signing secret")
            .WithDescription("The new secret is shown only this once; every attempt from now on, retries included, is signed with it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries))
            .WithSummary("A subscription's delivery log")
            .WithDescription("Deliveries newest first, each with its status and every attempt: number, time, status code (none when no response came), duration in milliseconds and error.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverWebhook).WithName(nameof(RedeliverWebhook))
            .RequireIfMatch()
            .WithSummary("Send a delivery again")
            .WithDescription("Queues the delivery for the next pass with the same event id and body, whether it was delivered, is pending or was given up. If-Match names the subscription's ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListWebhooksQuery>]
    public static async Task<Ok<PagedList<WebhookDto>>> ListWebhooks(
        IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(new PageRequest(page, pageSize)), cancellationToken));

    public static async Task<Ok<WebhookDto>> GetWebhook(Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetWebhookQuery(id), cancellationToken)));

    public static async Task<Created<WebhookWithSecretDto>> CreateWebhook([FromBody] CreateWebhookInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = response.WithETag(await mediator.Send(new CreateWebhookCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
    }

    public static async Task<Ok<WebhookDto>> UpdateWebhook(
        Guid id, [FromBody] UpdateWebhookInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateWebhookCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<NoContent> DeleteWebhook(Guid id, IMediator mediator, HttpRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookCommand(id, request.ExpectedVersion()), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<WebhookWithSecretDto>> RotateWebhookSecret(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new RotateWebhookSecretCommand(id, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<ListWebhookDeliveriesQuery>]
    public static async Task<Ok<PagedList<WebhookDeliveryDto>>> ListWebhookDeliveries(
        Guid id, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, new PageRequest(page, pageSize)), cancellationToken));

    public static async Task<Ok<WebhookDeliveryDto>> RedeliverWebhook(
        Guid id, Guid deliveryId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new RedeliverWebhookCommand(id, deliveryId, request.ExpectedVersion()), cancellationToken)));
}
