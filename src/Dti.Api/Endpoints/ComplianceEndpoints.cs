using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Compliance;
using Dti.Application.Compliance.Queries.GetCompliance;
using Dti.Application.Compliance.Queries.GetComplianceCsv;
using Dti.Domain.Agencies;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dti.Api.Endpoints;

/// <summary>The compliance view heads of agencies are judged by (Directive 19-CT/TU): who is behind, and by how much.</summary>
internal static class ComplianceEndpoints
{
    private const string Explanation =
        "Per agency, over [`from`, `to`] (both required, at most 1,830 days; 422 naming `from` or `to` when reversed or longer): " +
        "**obligations** — the periodic reports it owes as lead whose last allowed day is in the range, exactly as `/obligations` computes them — counted as `onTime` or `late` by the submission that counts for timeliness (the first not withdrawn), " +
        "`missing` when nothing was submitted and the last allowed instant has passed, `pending` when there is still time; `onTimeRate` = onTime ÷ due (null when nothing was due). " +
        "**Tasks** it leads under issued plans with a due date in the range (cancelled ones left out): done, open, overdue (due date passed, not done). " +
        "**Indices** it leads under issued plans covering the range's years, with the assignment's target (else the plan's) and the latest value an accepted version of its reports gives. " +
        "Agencies with anything in the range are listed, who is behind first: most missing, then most late, then lowest on-time rate (nothing due last), then most overdue tasks, then full name and code. " +
        "Filter by `agencyKind` or `agencyId` (another agency's id, for a reporter, answers 404 as a missing one does). Agency reporters see only their agencies.";

    public static void MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/compliance", GetCompliance).WithName(nameof(GetCompliance))
            .WithTags("Compliance")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("Each agency's reporting and task record over a range, who is behind first")
            .WithDescription(Explanation + " Paged (`page`, `pageSize` up to 100).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/compliance.csv", GetComplianceCsv).WithName(nameof(GetComplianceCsv))
            .WithTags("Compliance")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("The compliance view as CSV")
            .WithDescription(Explanation + " One row per agency, every agency in the same order as the JSON view (not paged); UTF-8 with a byte-order mark so spreadsheets keep Vietnamese names; `indices` holds `code (plan): latest / target` per led index.")
            .ProducesCsv()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    [ParametersOf<GetComplianceQuery>]
    public static async Task<Ok<CompliancePageDto>> GetCompliance(
        IMediator mediator,
        CancellationToken cancellationToken,
        DateOnly? from = null,
        DateOnly? to = null,
        AgencyKind? agencyKind = null,
        Guid? agencyId = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetComplianceQuery(from, to, agencyKind, agencyId, new PageRequest(page, pageSize)), cancellationToken));

    [ParametersOf<GetComplianceCsvQuery>]
    public static async Task<FileContentHttpResult> GetComplianceCsv(
        HttpResponse response,
        IMediator mediator,
        CancellationToken cancellationToken,
        DateOnly? from = null,
        DateOnly? to = null,
        AgencyKind? agencyKind = null,
        Guid? agencyId = null) =>
        CsvDownload.Send(response, await mediator.Send(new GetComplianceCsvQuery(from, to, agencyKind, agencyId), cancellationToken));
}
