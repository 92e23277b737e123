using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Reports.Queries.GetCompleteness;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dti.Api.Endpoints;

/// <summary>What the coordinator still has to chase: reports owed and not submitted, indices without a value.</summary>
internal static class CompletenessEndpoints
{
    public static void MapCompletenessEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/reports/completeness", GetCompleteness).WithName(nameof(GetCompleteness))
            .WithTags("Reports")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("What is still missing for an assessment year or a period")
            .WithDescription(
                "For `assessmentYear` (required), or only its period `periodId` (e.g. 2023Q4), only plan `planId`, or only agency `agencyId`. " +
                "**Obligations**: the lead obligations of issued plans whose period is in scope, exactly as `/obligations` computes them; those whose `reportStatus` is NotStarted, Draft, Returned or Missing are outstanding, listed under their agency. " +
                "**Indices**: each index an agency leads in the year (the assignments of the issued plans covering it; for a period, the indices of its obligations), limited to the indices of the framework governing the year, is answered when a submitted or accepted report of that agency in scope (periodic or ad hoc; for a period or a plan, its periodic reports) gives it a value (numeric, yes/no or text); an accepted report being corrected still counts with its accepted version. " +
                "Totals and per agency: expected, complete, outstanding and the percentage; per index: its lead agencies, those without a value first. Agency reporters see only their agencies. 422 `plan.no-framework` when no framework governs the year.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    [ParametersOf<GetCompletenessQuery>]
    public static async Task<Ok<CompletenessDto>> GetCompleteness(
        IMediator mediator, CancellationToken cancellationToken, int? assessmentYear = null, string? periodId = null, Guid? planId = null, Guid? agencyId = null) =>
        TypedResults.Ok(await mediator.Send(new GetCompletenessQuery(assessmentYear, periodId, planId, agencyId), cancellationToken));
}
