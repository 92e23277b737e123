using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Clients;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Application.Clients.Commands.RevokeClient;
using Dti.Application.Clients.Commands.RotateClientKey;
using Dti.Application.Clients.Queries.GetClient;
using Dti.Application.Clients.Queries.GetCurrentClient;
using Dti.Application.Clients.Queries.ListClients;
using Dti.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Client systems and their API keys (coordinators only), and "who am I" for every client.</summary>
internal static class ClientEndpoints
{
    public static void MapClientEndpoints(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients").RequireAuthorization(Policies.CoordinatorOnly);
        clients.MapGet("/", ListClients).WithName(nameof(ListClients))
            .WithSummary("List client systems")
            .WithDescription("Paged, by name. Revoked clients only with `includeRevoked=true`. Keys are never shown, only their public prefix.");
        clients.MapGet("/{id:guid}", GetClient).WithName(nameof(GetClient))
            .WithSummary("Get a client system")
            .WithDescription("Its roles, agencies, expiry and last use (the key is never shown, only its public prefix). The ETag header carries the version that rotating its key or revoking it names in If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/", CreateClient).WithName(nameof(CreateClient))
            .WithSummary("Register a client system and issue its API key")
            .WithDescription("The key is in the response and shown only this once; only its hash is stored. Send it as `X-Api-Key` (or `Authorization: ApiKey <key>`).")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        clients.MapPost("/{id:guid}/rotate-key", RotateClientKey).WithName(nameof(RotateClientKey))
            .RequireIfMatch()
            .WithSummary("Issue a new API key for a client")
            .WithDescription("The new key is shown only this once; the previous key stops working immediately. A revoked client gets no new key (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapPost("/{id:guid}/revoke", RevokeClient).WithName(nameof(RevokeClient))
            .RequireIfMatch()
            .WithSummary("Revoke a client")
            .WithDescription("Its key is refused from the next request on. Revoking a revoked client changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/me", GetCurrentClient).WithName(nameof(GetCurrentClient))
            .WithTags("Clients")
            .RequireAuthorization(Policies.Authenticated)
            .WithSummary("Who the API takes the caller for")
            .WithDescription("The calling client's id, name, roles and agencies: a quick check that a key or token works.");
    }

    [ParametersOf<ListClientsQuery>]
    public static async Task<Ok<PagedList<ClientDto>>> ListClients(
        IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize, bool includeRevoked = false) =>
        TypedResults.Ok(await mediator.Send(new ListClientsQuery(new PageRequest(page, pageSize), includeRevoked), cancellationToken));

    public static async Task<Ok<ClientDto>> GetClient(Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetClientQuery(id), cancellationToken)));

    public static async Task<Created<ClientWithKeyDto>> CreateClient([FromBody] CreateClientInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = response.WithETag(await mediator.Send(new CreateClientCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/clients/{created.Client.Id}", created);
    }

    public static async Task<Ok<ClientWithKeyDto>> RotateClientKey(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new RotateClientKeyCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ClientDto>> RevokeClient(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new RevokeClientCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<CurrentClientDto>> GetCurrentClient(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentClientQuery(), cancellationToken));
}
