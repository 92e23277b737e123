using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Plans;
using Dti.Application.Plans.Commands.ClosePlan;
using Dti.Application.Plans.Commands.CreatePlan;
using Dti.Application.Plans.Commands.IssuePlan;
using Dti.Application.Plans.Commands.SetPlanReportingRules;
using Dti.Application.Plans.Commands.SupersedePlan;
using Dti.Application.Plans.Commands.UpdatePlan;
using Dti.Application.Plans.Queries.GetPlan;
using Dti.Application.Plans.Queries.GetPlanReportingRules;
using Dti.Application.Plans.Queries.ListPlans;
using Dti.Domain.Plans;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Plans, directives, official letters, decisions and campaigns, with their objectives, solution groups and lifecycle.</summary>
internal static class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListPlans).WithName(nameof(ListPlans))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("List plans")
            .WithDescription("Paged; newest issue date first unless `sort` says otherwise (`issueDate`, `-issueDate`, `documentNumber`, `-documentNumber`). Filter by `kind`, `status`, `issuerAgencyId`, `parentPlanId`, or an assessment `year` the plan targets.");
        plans.MapGet("/{id:guid}", GetPlan).WithName(nameof(GetPlan))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("Get a plan with its objectives and solution groups")
            .WithDescription("The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/", CreatePlan).WithName(nameof(CreatePlan))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithIdempotency()
            .WithSummary("Record a plan as a draft")
            .WithDescription("The document number is unique per issuer (409). The issuer must exist and be active on the issue date; index codes of targets and solution groups must be main indices of the framework governing the first assessment year (422). Campaigns need a period.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        plans.MapPut("/{id:guid}", UpdatePlan).WithName(nameof(UpdatePlan))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Replace a draft or issued plan")
            .WithDescription("Send the ETag you read as If-Match (428 without it); a stale one gets 412 and changes nothing. Closed and superseded plans no longer change (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        plans.MapPost("/{id:guid}/issue", IssuePlan).WithName(nameof(IssuePlan))
            .RequireAuthorization(Policies.ForAction(PlanLifecycle.Table, PlanAction.Issue))
            .RequireIfMatch()
            .WithSummary("Issue a draft plan")
            .WithDescription("Draft → Issued; any other state gets 409 `plan.transition.not-allowed` (the plan lifecycle table, docs/agencies-plans-assignments.md).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plans.MapPost("/{id:guid}/close", ClosePlan).WithName(nameof(ClosePlan))
            .RequireAuthorization(Policies.ForAction(PlanLifecycle.Table, PlanAction.Close))
            .RequireIfMatch()
            .WithSummary("Close an issued plan")
            .WithDescription("Issued → Closed; any other state gets 409 `plan.transition.not-allowed` (the plan lifecycle table, docs/agencies-plans-assignments.md). A closed plan, its tasks and its assignments stay as history.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plans.MapPost("/{id:guid}/supersede", SupersedePlan).WithName(nameof(SupersedePlan))
            .RequireAuthorization(Policies.ForAction(PlanLifecycle.Table, PlanAction.Supersede))
            .RequireIfMatch()
            .WithSummary("Mark an issued plan as superseded by another")
            .WithDescription("Issued → Superseded; any other state gets 409 `plan.transition.not-allowed` (the plan lifecycle table, docs/agencies-plans-assignments.md). The superseding plan must exist and be draft or issued (422).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        plans.MapGet("/{planId:guid}/reporting-rules", GetPlanReportingRules).WithName(nameof(GetPlanReportingRules))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("The deadline rules a plan's lead agencies report by")
            .WithDescription("Quảng Trị Plan 170: quarterly before the 25th of the quarter's last month and annually before 20/12. The ETag header carries the plan's version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{planId:guid}/reporting-rules", SetPlanReportingRules).WithName(nameof(SetPlanReportingRules))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Replace the deadline rules a plan's lead agencies report by")
            .WithDescription("`{ \"ruleIds\": [...] }` is the complete set (an empty list removes them all). An unknown rule gets 422 naming `ruleIds[i]` and nothing changes; closed and superseded plans no longer change (409). The rules are part of the plan: send the plan's ETag as If-Match (428 without it, 412 when stale); the plan's version moves on.")
            .ProducesProblems(
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity);
    }

    [ParametersOf<ListPlansQuery>]
    public static async Task<Ok<PagedList<PlanSummaryDto>>> ListPlans(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        PlanKind? kind = null,
        PlanStatus? status = null,
        Guid? issuerAgencyId = null,
        int? year = null,
        Guid? parentPlanId = null,
        string? sort = null) =>
        TypedResults.Ok(await mediator.Send(new ListPlansQuery(new PageRequest(page, pageSize), kind, status, issuerAgencyId, year, parentPlanId, sort), cancellationToken));

    public static async Task<Ok<PlanDto>> GetPlan(Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetPlanQuery(id), cancellationToken)));

    public static async Task<Created<PlanDto>> CreatePlan([FromBody] PlanInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var plan = response.WithETag(await mediator.Send(new CreatePlanCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", plan);
    }

    public static async Task<Ok<PlanDto>> UpdatePlan(
        Guid id, [FromBody] PlanInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdatePlanCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<PlanDto>> IssuePlan(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new IssuePlanCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<PlanDto>> ClosePlan(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ClosePlanCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<PlanDto>> SupersedePlan(
        Guid id, [FromBody] SupersedeInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new SupersedePlanCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<PlanReportingRulesDto>> GetPlanReportingRules(Guid planId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetPlanReportingRulesQuery(planId), cancellationToken)));

    public static async Task<Ok<PlanReportingRulesDto>> SetPlanReportingRules(
        Guid planId, [FromBody] PlanReportingRulesInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new SetPlanReportingRulesCommand(planId, body, request.ExpectedVersion()), cancellationToken)));
}
