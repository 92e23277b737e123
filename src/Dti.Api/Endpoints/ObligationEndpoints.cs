using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Deadlines;
using Dti.Application.Obligations;
using Dti.Application.Obligations.Queries.GetAgencyObligationCalendar;
using Dti.Application.Obligations.Queries.ListAgencyObligations;
using Dti.Application.Obligations.Queries.ListObligations;
using Dti.Domain.Deadlines;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dti.Api.Endpoints;

/// <summary>What each agency owes when: lead assignments of issued plans × the plans' reporting rules × periods.</summary>
internal static class ObligationEndpoints
{
    private const string Explanation =
        "An agency that leads at least one index in an **issued** plan owes one report per occurrence of each of the plan's reporting rules whose period overlaps the plan's assessment years and does not end before the plan's issue date. " +
        "Cooperating agencies report to the lead, not to the coordinator, so they owe nothing here (`includeCooperating=true` lists them with role `Cooperating`). " +
        "Occurrences are selected by last allowed day in [`from`, `to`] (at most 5 years; without them, the current assessment year in Vietnam, and a missing end falls in the year of the other); `status` (Upcoming, DueSoon, Overdue) is relative to now.";

    public static void MapObligationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/obligations", ListObligations).WithName(nameof(ListObligations))
            .WithTags("Obligations")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("What each agency owes when")
            .WithDescription(Explanation + " Sorted by last allowed instant, then agency code; paged. Filter by `agencyId`, `planId`, `status`. Agency reporters see only their agencies' obligations.");
        api.MapGet("/agencies/{agencyId:guid}/obligations", ListAgencyObligations).WithName(nameof(ListAgencyObligations))
            .WithTags("Obligations")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("What one agency owes when")
            .WithDescription(Explanation + " Sorted by last allowed instant; paged. Another agency's obligations answer 404 for a reporter.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/agencies/{agencyId:guid}/calendar.ics", GetAgencyObligationCalendar).WithName(nameof(GetAgencyObligationCalendar))
            .WithTags("Obligations")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("An agency's obligations as an iCalendar feed")
            .WithDescription("RFC 5545 `text/calendar` to subscribe to: one all-day event on each last allowed day (default range: a year ago to two years ahead), with a stable UID, the indices led, the last allowed instant, the steps and a reminder three days before. " +
                "Calendar apps cannot send headers, so this path (and only GET requests to paths ending in `/calendar.ics`) also accepts the API key as the query parameter `access_key`.")
            .Produces<string>(StatusCodes.Status200OK, IcsWriter.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListObligationsQuery>]
    public static async Task<Ok<ObligationPageDto>> ListObligations(
        IMediator mediator,
        CancellationToken cancellationToken,
        DateOnly? from = null,
        DateOnly? to = null,
        Guid? agencyId = null,
        Guid? planId = null,
        ObligationStatus? status = null,
        bool includeCooperating = false,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(
            new ListObligationsQuery(from, to, agencyId, planId, status, includeCooperating, new PageRequest(page, pageSize)), cancellationToken));

    [ParametersOf<ListAgencyObligationsQuery>]
    public static async Task<Ok<AgencyObligationsDto>> ListAgencyObligations(
        Guid agencyId,
        IMediator mediator,
        CancellationToken cancellationToken,
        DateOnly? from = null,
        DateOnly? to = null,
        bool includeCooperating = false,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListAgencyObligationsQuery(agencyId, from, to, includeCooperating, new PageRequest(page, pageSize)), cancellationToken));

    public static async Task<IResult> GetAgencyObligationCalendar(
        Guid agencyId, IMediator mediator, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null) =>
        new IcsFeed(await mediator.Send(new GetAgencyObligationCalendarQuery(agencyId, from, to), cancellationToken));
}
