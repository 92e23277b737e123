using Dti.Api.ErrorHandling;
using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Reports;
using Dti.Application.Reports.Commands.AcceptReport;
using Dti.Application.Reports.Commands.CreateReport;
using Dti.Application.Reports.Commands.ReopenReport;
using Dti.Application.Reports.Commands.ReturnReport;
using Dti.Application.Reports.Commands.ReviseReport;
using Dti.Application.Reports.Commands.SubmitReport;
using Dti.Application.Reports.Commands.UpdateReportContent;
using Dti.Application.Reports.Commands.WithdrawReport;
using Dti.Application.Reports.Queries.GetReport;
using Dti.Application.Reports.Queries.GetReportVersion;
using Dti.Application.Reports.Queries.GetReportVersionDiff;
using Dti.Application.Reports.Queries.ListReports;
using Dti.Application.Reports.Queries.ListReportVersions;
using Dti.Domain.Reports;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Reports against obligations and requests: drafts, submissions frozen as versions, reviews, revisions.</summary>
internal static class ReportEndpoints
{
    private const string Lifecycle = "the report lifecycle table, docs/reports.md";

    /// <summary>The problems of an operation with a JSON body about a report: missing, in the wrong state, too large, not JSON, breaking a rule.</summary>
    private static readonly int[] WithBody =
    [
        StatusCodes.Status404NotFound,
        StatusCodes.Status409Conflict,
        StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity,
    ];

    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", ListReports).WithName(nameof(ListReports))
            .RequireAuthorization(Policies.ReadReports)
            .WithSummary("List reports")
            .WithDescription("Paged, most recently changed first. Filter by `agencyId`, `kind`, `state`, `assessmentYear`, `periodId` (e.g. 2023Q4) and `planId`. Agency reporters see their own agencies' reports; readers and the ministry see accepted reports only. `timeliness` is that of the submission that counts (the first one not withdrawn).");
        reports.MapGet("/{id:guid}", GetReport).WithName(nameof(GetReport))
            .RequireAuthorization(Policies.ReadReports)
            .WithSummary("Get a report with its content")
            .WithDescription("Entries in the author's order, the three sections, the task snapshot of the last submission, `allowedActions` (what the lifecycle allows next) and `lastReview` (what became of the latest version: withdrawn, returned with reasons, accepted). Readers and the ministry get 404 for a report that is not accepted. The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapPost("/", CreateReport).WithName(nameof(CreateReport))
            .RequireAuthorization(Policies.ForAction(ReportLifecycle.Table, ReportAction.Edit))
            .WithIdempotency()
            .WithSummary("Start a draft report")
            .WithDescription("`kind` Periodic names its obligation as `/obligations` lists it (`planId`, `deadlineRuleId`, `periodId`): the plan must be issued and report by the rule, the period owed, and the agency must lead indices of the plan (422 `report.no-obligation` otherwise). `kind` AdHoc or Contribution names a `reportRequestId` that asks the agency (422). `agencyId` must be one of the caller's agencies (404 otherwise). An agency answers each obligation or request once (409 `report.exists`).")
            .ProducesProblems(WithBody);
        reports.MapPut("/{id:guid}", UpdateReportContent).WithName(nameof(UpdateReportContent))
            .RequireAuthorization(Policies.ForAction(ReportLifecycle.Table, ReportAction.Edit))
            .RequireIfMatch()
            .WithRequestBodyLimit(RequestBodyLimits.ReportContent)
            .WithSummary("Replace a report's entries and sections")
            .WithDescription("Draft stays Draft; Returned becomes Draft (editing a returned report reopens it); any other state gets 409 `report.transition.not-allowed` (" + Lifecycle + "). Each entry names an index the agency answers for — as lead under the plan for a periodic report, as asked for a request — once (422 `report.index-not-answerable`, `report.duplicate-index`); its value goes in the field the index's measure type asks for (422 `report.value-type`, `report.value-range`: percentages 0–100, counts whole and not negative); its score is not above the index's maximum points (422 `report.score-above-max`). Evidence may still be missing in a draft. Send the ETag you read as If-Match.")
            .ProducesProblems(WithBody);
        reports.MapPost("/{id:guid}/submit", SubmitReport).Transition(nameof(SubmitReport), ReportAction.Submit, "Submit a draft report",
            "Draft → Submitted. The entries are checked again against what the agency answers for now, and an index scored without the evidence its framework requires needs an `explanation` (422 `report.evidence-missing` naming `entries[i].evidenceIds`); an empty report is refused (422 `report.empty`). The content is frozen as the next version with its SHA-256, the agency's plan tasks as they stand are captured, and the submission is judged against the obligation's (or request's) last allowed instant: on time, or late by N working days.").WithIdempotency();
        reports.MapPost("/{id:guid}/withdraw", WithdrawReport).Transition(nameof(WithdrawReport), ReportAction.Withdraw, "Withdraw a submitted report before review",
            "Submitted → Draft. The version stays, marked withdrawn; a withdrawn submission never counts for timeliness.");
        reports.MapPost("/{id:guid}/accept", AcceptReport).Transition(nameof(AcceptReport), ReportAction.Accept, "Accept a submitted report",
            "Submitted → Accepted (final; corrections are new revisions). The coordinator reviews periodic and ad hoc reports.");
        reports.MapPost("/{id:guid}/return", ReturnReport).WithName(nameof(ReturnReport))
            .RequireAuthorization(Policies.ForAction(ReportLifecycle.Table, ReportAction.Return))
            .RequireIfMatch()
            .WithSummary("Send a submitted report back")
            .WithDescription("Submitted → Returned, with a `reason` overall and/or `indexNotes` per index (422 `report.return-reason` without either), recorded on the version returned. The agency edits (or reopens) it and submits again; the first submission's timeliness keeps counting. Any other state gets 409 `report.transition.not-allowed` (" + Lifecycle + ").")
            .ProducesProblems(WithBody);
        reports.MapPost("/{id:guid}/reopen", ReopenReport).Transition(nameof(ReopenReport), ReportAction.Reopen, "Reopen a returned report as a draft",
            "Returned → Draft, content unchanged (a PUT of the content reopens it too).");
        reports.MapPost("/{id:guid}/revise", ReviseReport).Transition(nameof(ReviseReport), ReportAction.Revise, "Start a correction of an accepted report",
            "Accepted → Draft as the next revision, keeping the accepted content to correct; it is submitted and accepted again. The accepted versions stay.");

        reports.MapGet("/{id:guid}/versions", ListReportVersions).WithName(nameof(ListReportVersions))
            .RequireAuthorization(Policies.ReadReports)
            .WithSummary("List a report's frozen versions")
            .WithDescription("Oldest first: number, revision, when and by whom submitted, content hash, the deadline it was judged against, timeliness, whether it counts, and what became of it. Readers and the ministry see accepted versions only.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/{id:guid}/versions/{number:int}", GetReportVersion).WithName(nameof(GetReportVersion))
            .RequireAuthorization(Policies.ReadReports)
            .WithSummary("Get one frozen version with its content")
            .WithDescription("The content exactly as submitted (entries in index-code order); `contentHash` is the SHA-256 of its canonical JSON.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/{id:guid}/versions/{number:int}/diff", GetReportVersionDiff).WithName(nameof(GetReportVersionDiff))
            .RequireAuthorization(Policies.ReadReports)
            .WithSummary("What changed between two versions")
            .WithDescription("Per index entry field (`indexCode`, `field`, `from`, `to`; an index added or removed shows each of its fields) and per section (`section`), from version `against` (by default the one before `number`) to version `number`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListReportsQuery>]
    public static async Task<Ok<PagedList<ReportSummaryDto>>> ListReports(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        Guid? agencyId = null,
        ReportKind? kind = null,
        ReportState? state = null,
        int? assessmentYear = null,
        string? periodId = null,
        Guid? planId = null) =>
        TypedResults.Ok(await mediator.Send(new ListReportsQuery(new PageRequest(page, pageSize), agencyId, kind, state, assessmentYear, periodId, planId), cancellationToken));

    public static async Task<Ok<ReportDto>> GetReport(Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetReportQuery(id), cancellationToken)));

    public static async Task<Created<ReportDto>> CreateReport([FromBody] CreateReportInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = response.WithETag(await mediator.Send(new CreateReportCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/reports/{report.Id}", report);
    }

    public static async Task<Ok<ReportDto>> UpdateReportContent(
        Guid id, [FromBody] ReportContentInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateReportContentCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportDto>> SubmitReport(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new SubmitReportCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportDto>> WithdrawReport(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new WithdrawReportCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportDto>> AcceptReport(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new AcceptReportCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportDto>> ReturnReport(
        Guid id, [FromBody] ReturnReportInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ReturnReportCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportDto>> ReopenReport(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ReopenReportCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportDto>> ReviseReport(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ReviseReportCommand(id, request.ExpectedVersion()), cancellationToken)));

    public static async Task<Ok<ReportVersionListDto>> ListReportVersions(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListReportVersionsQuery(id), cancellationToken));

    [ParametersOf<GetReportVersionQuery>]
    public static async Task<Ok<ReportVersionDto>> GetReportVersion(Guid id, int number, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetReportVersionQuery(id, number), cancellationToken));

    [ParametersOf<GetReportVersionDiffQuery>]
    public static async Task<Ok<ReportDiffDto>> GetReportVersionDiff(Guid id, int number, IMediator mediator, CancellationToken cancellationToken, int? against = null) =>
        TypedResults.Ok(await mediator.Send(new GetReportVersionDiffQuery(id, number, against), cancellationToken));

    /// <summary>A lifecycle action without a body: its policy from the table, If-Match required, 409 from any other state.</summary>
    /// <remarks>Each is mapped with its handler written out (<c>MapPost(path, SubmitReport)</c>), so its request delegate is generated at compile time.</remarks>
    private static RouteHandlerBuilder Transition(this RouteHandlerBuilder transition, string name, ReportAction action, string summary, string description) =>
        transition.WithName(name)
            .RequireAuthorization(Policies.ForAction(ReportLifecycle.Table, action))
            .RequireIfMatch()
            .WithSummary(summary)
            .WithDescription($"{description} Any other state gets 409 `report.transition.not-allowed` naming the state and the action ({Lifecycle}). Send the report's ETag as If-Match.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
}
