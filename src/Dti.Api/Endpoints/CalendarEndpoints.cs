using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Calendar;
using Dti.Application.Calendar.Commands.DeleteOfficialSchedule;
using Dti.Application.Calendar.Commands.ReplaceOfficialSchedule;
using Dti.Application.Calendar.Queries.GetDay;
using Dti.Application.Calendar.Queries.GetHolidays;
using Dti.Application.Calendar.Queries.GetOfficialSchedule;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>Vietnam's working-day calendar for public offices, and the official holiday schedules coordinators keep.</summary>
internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/days/{date}", GetCalendarDay).WithName(nameof(GetCalendarDay))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Is a day a working day, and why")
            .WithDescription("`date` as yyyy-MM-dd, 1990-01-01 to 2100-12-31. Reasons name weekly days off, Labour Code 2019 Art. 112 holidays, compensatory days and official-schedule entries.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapGet("/years/{year:int}/holidays", GetHolidays).WithName(nameof(GetHolidays))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("A year's holidays")
            .WithDescription("Days off besides ordinary weekends, with their source (Statutory, Compensatory, OfficialSchedule), and the weekend days worked instead. `officialScheduleApplies` says whether an official schedule replaces the computed holidays.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapGet("/years/{year:int}/official-schedule", GetOfficialSchedule).WithName(nameof(GetOfficialSchedule))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Get a year's official holiday schedule")
            .WithDescription("404 when the year follows the calendar computed from the Labour Code. The ETag header carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapPut("/years/{year:int}/official-schedule", ReplaceOfficialSchedule).WithName(nameof(ReplaceOfficialSchedule))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch(orCreate: true)
            .WithSummary("Create or replace a year's official holiday schedule")
            .WithDescription("The complete list of the year's days off besides weekends (kind DayOff) and weekend days swapped into working days (kind WorkingDay). Every date must lie in the year (422 naming `entries[i].date`). To replace the schedule send the ETag you read as If-Match (412 when stale); to create one for a year that has none send `If-None-Match: *` instead (412 when one exists); with neither, 428. Every deadline computed afterwards uses the new calendar.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        calendar.MapDelete("/years/{year:int}/official-schedule", DeleteOfficialSchedule).WithName(nameof(DeleteOfficialSchedule))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Delete a year's official holiday schedule")
            .WithDescription("The year falls back to the holidays computed from Labour Code 2019 Art. 112. Send the ETag you read as If-Match (428 without it, 412 when stale).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<DayDto>> GetCalendarDay(DateOnly date, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDayQuery(date), cancellationToken));

    [ParametersOf<GetHolidaysQuery>]
    public static async Task<Ok<YearHolidaysDto>> GetHolidays(int year, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetHolidaysQuery(year), cancellationToken));

    [ParametersOf<GetOfficialScheduleQuery>]
    public static async Task<Ok<OfficialScheduleDto>> GetOfficialSchedule(int year, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetOfficialScheduleQuery(year), cancellationToken)));

    [ParametersOf<ReplaceOfficialScheduleCommand>]
    public static async Task<Ok<OfficialScheduleDto>> ReplaceOfficialSchedule(
        int year, [FromBody] OfficialScheduleInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ReplaceOfficialScheduleCommand(year, body, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<DeleteOfficialScheduleCommand>]
    public static async Task<NoContent> DeleteOfficialSchedule(int year, IMediator mediator, HttpRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteOfficialScheduleCommand(year, request.ExpectedVersion()), cancellationToken);
        return TypedResults.NoContent();
    }
}
