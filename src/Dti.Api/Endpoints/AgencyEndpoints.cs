using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Agencies;
using Dti.Application.Agencies.Commands.CreateAgency;
using Dti.Application.Agencies.Commands.RecordSuccession;
using Dti.Application.Agencies.Commands.UpdateAgency;
using Dti.Application.Agencies.Queries.GetAgency;
using Dti.Application.Agencies.Queries.ListAgencies;
using Dti.Application.Common.Models;
using Dti.Domain.Agencies;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Agencies that lead or cooperate on DTI work, under their electronic identifier codes, with their reorganisations.</summary>
internal static class AgencyEndpoints
{
    public static void MapAgencyEndpoints(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Agencies");
        agencies.MapGet("/", ListAgencies).WithName(nameof(ListAgencies))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("List agencies")
            .WithDescription("Paged, by name unless `sort` says otherwise (`name`, `-name`, `code`, `-code`, `validFrom`, `-validFrom`). `q` matches the full or short name ignoring case and Vietnamese diacritics (\"so khoa hoc\" finds \"Sở Khoa học và Công nghệ\"). Filter by `kind`, `parentId`, or the date an agency is `activeOn`.");
        agencies.MapGet("/{id:guid}", GetAgency).WithName(nameof(GetAgency))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("Get an agency")
            .WithDescription("The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agencies.MapPost("/", CreateAgency).WithName(nameof(CreateAgency))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithIdempotency()
            .WithSummary("Register an agency")
            .WithDescription("`code` is the electronic identifier of QĐ 20/2020/QĐ-TTg (e.g. `000.00.00.H50`) and is unique (409). A parent must exist (422); `validTo`, when given, is not before `validFrom`.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        agencies.MapPut("/{id:guid}", UpdateAgency).WithName(nameof(UpdateAgency))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Replace an agency")
            .WithDescription("Send the ETag you read as If-Match (428 without it); a stale one gets 412 and changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        agencies.MapPost("/{id:guid}/succession", RecordAgencySuccession).WithName(nameof(RecordAgencySuccession))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Record that an agency was merged or renamed into a successor")
            .WithDescription("Closes the agency the day before `effectiveDate`, names its successor (which must be active on that date, 422) and moves its open assignments and open tasks — as lead and as cooperating — to the successor, keeping who held them before. An agency has one successor (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    [ParametersOf<ListAgenciesQuery>]
    public static async Task<Ok<PagedList<AgencyDto>>> ListAgencies(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        AgencyKind? kind = null,
        Guid? parentId = null,
        DateOnly? activeOn = null,
        string? q = null,
        string? sort = null) =>
        TypedResults.Ok(await mediator.Send(new ListAgenciesQuery(new PageRequest(page, pageSize), kind, parentId, activeOn, q, sort), cancellationToken));

    public static async Task<Ok<AgencyDto>> GetAgency(Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetAgencyQuery(id), cancellationToken)));

    public static async Task<Created<AgencyDto>> CreateAgency(
        [FromBody] AgencyInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var agency = response.WithETag(await mediator.Send(new CreateAgencyCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/agencies/{agency.Id}", agency);
    }

    public static async Task<Ok<AgencyDto>> UpdateAgency(
        Guid id, [FromBody] AgencyInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateAgencyCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<SuccessionDto>> RecordAgencySuccession(
        Guid id, [FromBody] SuccessionInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new RecordSuccessionCommand(id, body, request.ExpectedVersion()), cancellationToken)));
}
