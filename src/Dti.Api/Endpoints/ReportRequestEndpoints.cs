using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.ReportRequests;
using Dti.Application.ReportRequests.Commands.IssueReportRequest;
using Dti.Application.ReportRequests.Queries.GetReportRequest;
using Dti.Application.ReportRequests.Queries.ListContributions;
using Dti.Application.ReportRequests.Queries.ListReportRequests;
using Dti.Domain.Reports;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Requests for reports outside the periodic schedule: the coordinator's ad hoc requests and the leads' requests for contributions.</summary>
internal static class ReportRequestEndpoints
{
    private const string Body = "Give the deadline as `dueDate` or as `dueWorkingDays` counted on the working calendar from `issuedOn` (today in Asia/Ho_Chi_Minh when left out), exactly one; answers submitted by the end of the due day (+07:00) are on time. Agencies and indices are listed once each, in order.";

    private static readonly int[] WithBody =
    [
        StatusCodes.Status404NotFound,
        StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity,
    ];

    public static void MapReportRequestEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/report-requests").WithTags("Report requests");
        requests.MapGet("/", ListReportRequests).WithName(nameof(ListReportRequests))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("List report requests")
            .WithDescription("The latest issued first, paged, each with one answer per agency asked (its report's state and timeliness, or nulls until it starts one). Filter by `kind`, `assessmentYear`, `issuerAgencyId` and `askedAgencyId`. Agency reporters see the requests their agencies issued or are asked by.");
        requests.MapGet("/{id:guid}", GetReportRequest).WithName(nameof(GetReportRequest))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("Get a report request with its answers")
            .WithDescription("The issuer and the agencies asked may read it (404 for others, as for a missing request).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/", IssueAdHocRequest).WithName(nameof(IssueAdHocRequest))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithIdempotency()
            .WithSummary("Issue an ad hoc report request")
            .WithDescription("The coordinator asks agencies for an ad hoc report (báo cáo đột xuất) on indices of the framework governing `assessmentYear`: `issuerAgencyId` is the coordinating department. " + Body + " Each agency asked answers with a report of kind AdHoc naming the request (`POST /reports`). Unknown agencies or indices are 422 naming the item.")
            .ProducesProblems(WithBody);

        var contributions = api.MapGroup("/agencies/{agencyId:guid}").WithTags("Report requests");
        contributions.MapPost("/contribution-requests", IssueContributionRequest).WithName(nameof(IssueContributionRequest))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithIdempotency()
            .WithSummary("Ask cooperating agencies for contributions")
            .WithDescription("A lead agency asks the agencies cooperating on the indices it leads for their part (Plan 170: cooperating agencies report when the lead asks). Every index asked must be led by the agency under an issued plan covering `assessmentYear` (422 `report-request.not-lead`), and every agency asked must cooperate on one of them (422 `report-request.not-cooperating`). " + Body + " The agencies answer with reports of kind Contribution; the lead reads them and takes their values into its own report, citing them as `sources`; the coordinator reviews them like every report.")
            .ProducesProblems(WithBody);
        contributions.MapGet("/contributions", ListContributions).WithName(nameof(ListContributions))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("List the contributions made to a lead agency")
            .WithDescription("Answers to the agency's contribution requests, the latest changed first, paged, each with the entries of its latest version submitted and not withdrawn or returned (empty until one is): the values the lead may take into its own report, citing `reportId` and `versionNumber` in an entry's `sources` (422 `report.unknown-contribution` otherwise). Filter by `assessmentYear`, `reportRequestId` and `indexCode`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListReportRequestsQuery>]
    public static async Task<Ok<PagedList<ReportRequestDto>>> ListReportRequests(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        ReportRequestKind? kind = null,
        int? assessmentYear = null,
        Guid? issuerAgencyId = null,
        Guid? askedAgencyId = null) =>
        TypedResults.Ok(await mediator.Send(new ListReportRequestsQuery(new PageRequest(page, pageSize), kind, assessmentYear, issuerAgencyId, askedAgencyId), cancellationToken));

    public static async Task<Ok<ReportRequestDto>> GetReportRequest(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetReportRequestQuery(id), cancellationToken));

    public static async Task<Created<ReportRequestDto>> IssueAdHocRequest([FromBody] ReportRequestInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var request = await mediator.Send(new IssueReportRequestCommand(body, null), cancellationToken);
        return TypedResults.Created($"/api/v1/report-requests/{request.Id}", request);
    }

    public static async Task<Created<ReportRequestDto>> IssueContributionRequest(Guid agencyId, [FromBody] ReportRequestInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var request = await mediator.Send(new IssueReportRequestCommand(body, agencyId), cancellationToken);
        return TypedResults.Created($"/api/v1/report-requests/{request.Id}", request);
    }

    [ParametersOf<ListContributionsQuery>]
    public static async Task<Ok<PagedList<ContributionDto>>> ListContributions(
        Guid agencyId,
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        int? assessmentYear = null,
        Guid? reportRequestId = null,
        string? indexCode = null) =>
        TypedResults.Ok(await mediator.Send(new ListContributionsQuery(agencyId, new PageRequest(page, pageSize), assessmentYear, reportRequestId, indexCode), cancellationToken));
}
