using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Deadlines;
using Dti.Application.Deadlines.Commands.CreateDeadlineRule;
using Dti.Application.Deadlines.Commands.DeleteDeadlineRule;
using Dti.Application.Deadlines.Commands.UpdateDeadlineRule;
using Dti.Application.Deadlines.Queries.GetDeadlineCalendar;
using Dti.Application.Deadlines.Queries.GetDeadlineOccurrences;
using Dti.Application.Deadlines.Queries.GetDeadlineRule;
using Dti.Application.Deadlines.Queries.ListDeadlineRules;
using Dti.Application.Deadlines.Queries.ParseDeadlineRule;
using Dti.Domain.Deadlines;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Reporting deadline rules as data, their concrete deadlines per period, and calendar files.</summary>
internal static class DeadlineRuleEndpoints
{
    public static void MapDeadlineRuleEndpoints(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/deadline-rules").WithTags("Deadline rules");
        rules.MapGet("/", ListDeadlineRules).WithName(nameof(ListDeadlineRules))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("List deadline rules")
            .WithDescription("Paged, by name. Filter by `frequency` (Monthly, Quarterly, HalfYearly, NineMonthly, Annual, OneOff).");
        rules.MapGet("/{id:guid}", GetDeadlineRule).WithName(nameof(GetDeadlineRule))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Get a deadline rule")
            .WithDescription("Its parts and its wording in Vietnamese (`textVi`) and English (`textEn`). The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/", CreateDeadlineRule).WithName(nameof(CreateDeadlineRule))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithIdempotency()
            .WithSummary("Create a deadline rule")
            .WithDescription("Either `text` — a sentence such as \"hằng quý trước ngày 25 của tháng cuối quý\" or \"annually no later than 15/01 of the following year\" (422 `deadline-rule.text-not-understood` quotes the part not understood; a sentence holding several rules is 422 `deadline-rule.several-rules`: read it with `parse` and create each rule from its `textVi`) — or the structured parts. Names are unique (409).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        rules.MapPost("/parse", ParseDeadlineRule).WithName(nameof(ParseDeadlineRule))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Read deadline rules from text without storing them")
            .WithDescription("Wording as plans and letters write it, in Vietnamese (with or without diacritics) or English. Returns every rule the sentence holds (\"hàng quý (trước ngày 25 tháng cuối quý) và hàng năm (trước ngày 20/12)\" holds two), each with its parts, its canonical Vietnamese and English wording and its deadline for one sample period (the first whose last allowed day is on or after `sampleFrom`, default today) with the steps; and whether ad hoc reports (\"đột xuất\") are also asked for. 422 `deadline-rule.text-not-understood` quotes the word not understood, its position and the nearest known phrases.")
            .StoresNothingAtAll()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        rules.MapPut("/{id:guid}", UpdateDeadlineRule).WithName(nameof(UpdateDeadlineRule))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Replace a deadline rule")
            .WithDescription("Same body as creation. Send the ETag you read as If-Match (428 without it); a stale one gets 412 and changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        rules.MapDelete("/{id:guid}", DeleteDeadlineRule).WithName(nameof(DeleteDeadlineRule))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Delete a deadline rule")
            .WithDescription("Send the ETag you read as If-Match (428 without it, 412 when stale). A rule that a plan reports by answers 409 `deadline-rule.in-use`.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapGet("/{id:guid}/occurrences", GetDeadlineOccurrences).WithName(nameof(GetDeadlineOccurrences))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("A rule's deadlines in a date range")
            .WithDescription("Every period whose last allowed day lies in [`from`, `to`] (yyyy-MM-dd, at most 20 years): period id, data window, nominal date, last allowed day and instant (+07:00), status (Upcoming, DueSoon, Overdue) relative to now, and the steps that explain it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapGet("/{id:guid}/calendar.ics", GetDeadlineCalendar).WithName(nameof(GetDeadlineCalendar))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("A rule's deadlines as an iCalendar file")
            .WithDescription("RFC 5545 `text/calendar`: one all-day event on each last allowed day in [`from`, `to`], with the explanation and a reminder three days before.")
            .Produces<string>(StatusCodes.Status200OK, IcsWriter.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListDeadlineRulesQuery>]
    public static async Task<Ok<PagedList<DeadlineRuleDto>>> ListDeadlineRules(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        ReportingFrequency? frequency = null) =>
        TypedResults.Ok(await mediator.Send(new ListDeadlineRulesQuery(new PageRequest(page, pageSize), frequency), cancellationToken));

    public static async Task<Ok<DeadlineRuleDto>> GetDeadlineRule(Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetDeadlineRuleQuery(id), cancellationToken)));

    public static async Task<Created<DeadlineRuleDto>> CreateDeadlineRule(
        [FromBody] DeadlineRuleInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var rule = response.WithETag(await mediator.Send(new CreateDeadlineRuleCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/deadline-rules/{rule.Id}", rule);
    }

    public static async Task<Ok<ParsedDeadlineTextDto>> ParseDeadlineRule([FromBody] ParseDeadlineRuleInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ParseDeadlineRuleQuery(body), cancellationToken));

    public static async Task<Ok<DeadlineRuleDto>> UpdateDeadlineRule(
        Guid id, [FromBody] DeadlineRuleInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateDeadlineRuleCommand(id, body, request.ExpectedVersion()), cancellationToken)));

    public static async Task<NoContent> DeleteDeadlineRule(Guid id, IMediator mediator, HttpRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteDeadlineRuleCommand(id, request.ExpectedVersion()), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<DeadlineOccurrencesDto>> GetDeadlineOccurrences(
        Guid id, DateOnly from, DateOnly to, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDeadlineOccurrencesQuery(id, from, to), cancellationToken));

    public static async Task<IResult> GetDeadlineCalendar(
        Guid id, DateOnly from, DateOnly to, IMediator mediator, CancellationToken cancellationToken) =>
        new IcsFeed(await mediator.Send(new GetDeadlineCalendarQuery(id, from, to), cancellationToken));
}
