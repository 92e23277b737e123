using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Assignments;
using Dti.Application.Assignments.Commands.CreateAssignment;
using Dti.Application.Assignments.Commands.ReassignAssignment;
using Dti.Application.Assignments.Commands.UpdateAssignment;
using Dti.Application.Assignments.Queries.GetAssignment;
using Dti.Application.Assignments.Queries.GetAssignmentHistory;
using Dti.Application.Assignments.Queries.GetCoverage;
using Dti.Application.Assignments.Queries.ListAgencyAssignments;
using Dti.Application.Assignments.Queries.ListIndexAssignments;
using Dti.Application.Assignments.Queries.ListPlanAssignments;
using Dti.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Index assignments: which agency leads and which cooperate on each index, their history, and who answers for what.</summary>
internal static class AssignmentEndpoints
{
    public static void MapAssignmentEndpoints(this RouteGroupBuilder api)
    {
        var assignments = api.MapGroup("/plans/{planId:guid}/assignments").WithTags("Assignments");
        assignments.MapGet("/", ListPlanAssignments).WithName(nameof(ListPlanAssignments))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("List the index assignments of a plan")
            .WithDescription("Paged, by index code (`sort=indexCode|-indexCode`). `agencyId` matches the lead or a cooperating agency; `indexCode` keeps one index.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapGet("/{id:guid}", GetAssignment).WithName(nameof(GetAssignment))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("Get an index assignment")
            .WithDescription("The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapPost("/", CreateAssignment).WithName(nameof(CreateAssignment))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithIdempotency()
            .WithSummary("Assign an index to a lead agency and cooperators")
            .WithDescription("The index (main or component) must be in the framework governing the plan's first assessment year (422 `assignment.unknown-index`); one lead per index per plan (409 `assignment.duplicate-lead`); cooperators never include the lead, agencies are active today, `targetPoints` do not exceed the index's points (422).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapPut("/{id:guid}", UpdateAssignment).WithName(nameof(UpdateAssignment))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Replace an assignment's responsible person and targets")
            .WithDescription("Holders change through `reassign`. Send the ETag you read as If-Match (428 without it); a stale one gets 412 and changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapPost("/{id:guid}/reassign", ReassignAssignment).WithName(nameof(ReassignAssignment))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Reassign an index to a new lead and/or cooperators")
            .WithDescription("Records when, why and who held the index before; see `history`.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapGet("/{id:guid}/history", GetAssignmentHistory).WithName(nameof(GetAssignmentHistory))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("List the changes of an assignment's holders")
            .WithDescription("Oldest first, paged: each row is one agency leaving or taking the lead or a cooperating role, by reassignment or agency succession.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/assessment-years/{year:int}/indices/{indexCode}/assignments", ListIndexAssignments).WithName(nameof(ListIndexAssignments))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithTags("Assignments")
            .WithSummary("Who answers for an index in an assessment year")
            .WithDescription("The index's assignments in every plan targeting that year, with each plan's number and status; paged, by plan issue date.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/assessment-years/{year:int}/coverage", GetCoverage).WithName(nameof(GetCoverage))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithTags("Assignments")
            .WithSummary("Which scored main indices have a lead agency for a year")
            .WithDescription("Scored main indices of the framework governing the year, with the lead agencies assigned in draft or issued plans targeting it (`leadAgencyCount`, and the first 100 `leadAgencyIds`); `uncovered` lists those with none yet.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/agencies/{id:guid}/assignments", ListAgencyAssignments).WithName(nameof(ListAgencyAssignments))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithTags("Assignments")
            .WithSummary("Everything an agency answers for")
            .WithDescription("Assignments where the agency leads or cooperates (`role`), optionally in plans targeting assessment `year`; paged, by plan issue date.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListPlanAssignmentsQuery>]
    public static async Task<Ok<PagedList<AssignmentDto>>> ListPlanAssignments(
        Guid planId,
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        Guid? agencyId = null,
        string? indexCode = null,
        string? sort = null) =>
        TypedResults.Ok(await mediator.Send(new ListPlanAssignmentsQuery(planId, new PageRequest(page, pageSize), agencyId, indexCode, sort), cancellationToken));

    public static async Task<Ok<AssignmentDto>> GetAssignment(Guid planId, Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetAssignmentQuery(planId, id), cancellationToken)));

    public static async Task<Created<AssignmentDto>> CreateAssignment(
        Guid planId, [FromBody] AssignmentInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var assignment = response.WithETag(await mediator.Send(new CreateAssignmentCommand(planId, body), cancellationToken));
        return TypedResults.Created($"/api/v1/plans/{planId}/assignments/{assignment.Id}", assignment);
    }

    public static async Task<Ok<AssignmentDto>> UpdateAssignment(
        Guid planId, Guid id, [FromBody] AssignmentTermsInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateAssignmentCommand(planId, id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<AssignmentDto>> ReassignAssignment(
        Guid planId, Guid id, [FromBody] ReassignInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ReassignAssignmentCommand(planId, id, body, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<GetAssignmentHistoryQuery>]
    public static async Task<Ok<PagedList<HolderChangeDto>>> GetAssignmentHistory(
        Guid planId, Guid id, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetAssignmentHistoryQuery(planId, id, new PageRequest(page, pageSize)), cancellationToken));

    [ParametersOf<ListIndexAssignmentsQuery>]
    public static async Task<Ok<PagedList<PlanAssignmentDto>>> ListIndexAssignments(
        int year, string indexCode, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListIndexAssignmentsQuery(year, indexCode, new PageRequest(page, pageSize)), cancellationToken));

    [ParametersOf<GetCoverageQuery>]
    public static async Task<Ok<CoverageDto>> GetCoverage(int year, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCoverageQuery(year), cancellationToken));

    [ParametersOf<ListAgencyAssignmentsQuery>]
    public static async Task<Ok<PagedList<PlanAssignmentDto>>> ListAgencyAssignments(
        Guid id, IMediator mediator, CancellationToken cancellationToken, int? year = null, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListAgencyAssignmentsQuery(id, year, new PageRequest(page, pageSize)), cancellationToken));
}
