using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.PlanTasks;
using Dti.Application.PlanTasks.Commands.CreateTask;
using Dti.Application.PlanTasks.Commands.RecordTaskProgress;
using Dti.Application.PlanTasks.Commands.UpdateTask;
using Dti.Application.PlanTasks.Queries.GetTask;
using Dti.Application.PlanTasks.Queries.ListTaskProgress;
using Dti.Application.PlanTasks.Queries.ListTasks;
using Dti.Domain.Plans;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Tasks of plans: owners, due dates or months, progress over time, and the cross-plan task list.</summary>
internal static class TaskEndpoints
{
    private const string ListDescription =
        "Paged, soonest due first unless `sort` says otherwise (`dueDate`, `-dueDate`, `title`). `agencyId` matches the lead or a cooperating agency; `dueFrom`/`dueTo` bound the due date; `overdue=true` keeps tasks due before today (Asia/Ho_Chi_Minh) that are not Done or Cancelled.";

    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", ListTasks).WithName(nameof(ListTasks))
            .RequireAuthorization(Policies.ReadAgencyData).WithTags("Tasks")
            .WithSummary("List tasks across plans")
            .WithDescription(ListDescription);

        var tasks = api.MapGroup("/plans/{planId:guid}/tasks").WithTags("Tasks");
        tasks.MapGet("/", ListPlanTasks).WithName(nameof(ListPlanTasks))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("List the tasks of a plan")
            .WithDescription(ListDescription)
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/{taskId:guid}", GetTask).WithName(nameof(GetTask))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("Get a task")
            .WithDescription("`overdue` is computed for today, never stored. The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("/", CreateTask).WithName(nameof(CreateTask))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithIdempotency()
            .WithSummary("Add a task to a plan")
            .WithDescription("Due on `dueDate` or in `dueMonth` (`2023-11`, meaning its last day), not both. Agencies must exist and be active today; cooperators never include the lead; index codes must be in the framework governing the plan's first assessment year (422). Closed or superseded plans take no tasks (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapPut("/{taskId:guid}", UpdateTask).WithName(nameof(UpdateTask))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Replace a task")
            .WithDescription("Changes of lead or cooperators are kept as history with `reason`. Status changes through progress reports. Send the ETag you read as If-Match (428 without it); a stale one gets 412.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapPost("/{taskId:guid}/progress", RecordTaskProgress).WithName(nameof(RecordTaskProgress))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("Report a task's progress")
            .WithDescription("Appends a progress entry (status, percent 0–100, note, as-of date — today by default) and makes it current. Done means 100 percent; reports are not older than the last one (422); finished tasks take no more (409). If-Match is optional here: a report is a new entry, not an edit of what you read (it is a creation in the task's progress list); send the task's ETag to be sure no other report came in between (412).")
            .AcceptsIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapGet("/{taskId:guid}/progress", ListTaskProgress).WithName(nameof(ListTaskProgress))
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("List a task's progress reports")
            .WithDescription("Oldest first, paged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListTasksQuery>]
    public static async Task<Ok<PagedList<TaskDto>>> ListTasks(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        Guid? agencyId = null,
        DateOnly? dueFrom = null,
        DateOnly? dueTo = null,
        PlanTaskStatus? status = null,
        bool? overdue = null,
        string? sort = null) =>
        TypedResults.Ok(await mediator.Send(new ListTasksQuery(new PageRequest(page, pageSize), null, agencyId, dueFrom, dueTo, status, overdue, sort), cancellationToken));

    [ParametersOf<ListTasksQuery>]
    public static async Task<Ok<PagedList<TaskDto>>> ListPlanTasks(
        Guid planId,
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        Guid? agencyId = null,
        DateOnly? dueFrom = null,
        DateOnly? dueTo = null,
        PlanTaskStatus? status = null,
        bool? overdue = null,
        string? sort = null) =>
        TypedResults.Ok(await mediator.Send(new ListTasksQuery(new PageRequest(page, pageSize), planId, agencyId, dueFrom, dueTo, status, overdue, sort), cancellationToken));

    public static async Task<Ok<TaskDto>> GetTask(Guid planId, Guid taskId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetTaskQuery(planId, taskId), cancellationToken)));

    public static async Task<Created<TaskDto>> CreateTask(
        Guid planId, [FromBody] TaskInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var task = response.WithETag(await mediator.Send(new CreateTaskCommand(planId, body), cancellationToken));
        return TypedResults.Created($"/api/v1/plans/{planId}/tasks/{task.Id}", task);
    }

    public static async Task<Ok<TaskDto>> UpdateTask(
        Guid planId, Guid taskId, [FromBody] TaskInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateTaskCommand(planId, taskId, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<TaskDto>> RecordTaskProgress(
        Guid planId, Guid taskId, [FromBody] ProgressInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new RecordTaskProgressCommand(planId, taskId, body, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<ListTaskProgressQuery>]
    public static async Task<Ok<PagedList<TaskProgressDto>>> ListTaskProgress(
        Guid planId, Guid taskId, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListTaskProgressQuery(planId, taskId, new PageRequest(page, pageSize)), cancellationToken));
}
