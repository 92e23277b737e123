using Dti.Api.ErrorHandling;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Results;
using Dti.Application.Results.Commands.ImportOfficialResults;
using Dti.Application.Results.Queries.EvaluateWhatIf;
using Dti.Application.Results.Queries.GetPointsLost;
using Dti.Application.Results.Queries.GetResultHistory;
using Dti.Application.Results.Queries.GetResultTable;
using Dti.Application.Results.Queries.GetSelfVsOfficial;
using Dti.Application.Results.Queries.ListProvinceUnits;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>
/// Official DTI results: province units over time, the published tables, and what they say about one province. Each view a
/// spreadsheet user wants is also a CSV download: its own GET at the JSON resource's path with <c>.csv</c> on the last
/// segment, so the JSON operation's schema stays as it is.
/// </summary>
internal static class ResultEndpoints
{
    private const string CsvNote = " The same rows as the JSON view, as CSV: UTF-8 with a byte-order mark (a spreadsheet keeps the Vietnamese), one header row with stable column names, numbers in the invariant culture, a Vietnamese file name in `Content-Disposition`.";

    public static void MapResultEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/province-units", ListProvinceUnits).WithName(nameof(ListProvinceUnits))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("List province units with their validity and predecessors")
            .WithDescription("From 1/7/2025 Quảng Bình and Quảng Trị form QUANG-TRI-2025: the old units end on 30/6/2025 and name it as `successorCode`; it lists them as `predecessorCodes`. `activeOn` keeps the units that existed that day.");
        api.MapGet("/province-units/{code}/results", GetResultHistory).WithName(nameof(GetResultHistory))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Get a province's official results over the years")
            .WithDescription("Per year and table: DTI value and rank, pillars and main indices where known, each with the change from the year before (`rankChange` 15 = up 15 places), and a `summary` sentence. A merged unit shows its predecessors' years too; where only they have main-index values (DTI 2024), the merged unit's values are their mean, marked Computed.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/province-units/{code}/results.csv", GetResultHistoryCsv).WithName(nameof(GetResultHistoryCsv))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Download a province's official results over the years (CSV)")
            .WithDescription("One row per figure (the DTI, each pillar and main index of each year and table) with its rank, change from the year before, origin and source." + CsvNote)
            .ProducesCsv()
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/province-units/{code}/results/{year:int}/points-lost", GetPointsLost).WithName(nameof(GetPointsLost))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Where a province lost its points in a year")
            .WithDescription("Per main index with a published value: points achieved (value × max points) and lost (max points × (1 − value)), largest loss first; and the distance in DTI points (of 1,000) to the province one place above, to the top ten and to the field average (`points` null where that value was not published).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/province-units/{code}/results/{year:int}/points-lost.csv", GetPointsLostCsv).WithName(nameof(GetPointsLostCsv))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Download where a province lost its points in a year (CSV)")
            .WithDescription("One row per main index with a published value, largest loss first: value, max points, points achieved and lost. The distances to the marks above are in the JSON view." + CsvNote)
            .ProducesCsv()
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/province-units/{code}/results/{year:int}/self-vs-official", GetSelfVsOfficial).WithName(nameof(GetSelfVsOfficial))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("The finalised self-assessment beside the official figures")
            .WithDescription("The year's latest finalised self-assessment revision (read from its signed document, never the draft) beside the unit's official figures of that year (the larger table unless `fieldSize`): per main index and for the DTI, `selfValue`, `officialValue` and `difference` = official − self. A main index without a published value has `officialValue` null. 404 `self-assessment.not-finalised` until a revision of the year is finalised.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/province-units/{code}/results/{year:int}/self-vs-official.csv", GetSelfVsOfficialCsv).WithName(nameof(GetSelfVsOfficialCsv))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("Download the finalised self-assessment beside the official figures (CSV)")
            .WithDescription("A row for the DTI (kind `Dti`, 1,000 points), then one per main index: self-assessed value, official value and rank, difference (official − self). 404 `self-assessment.not-finalised` until a revision of the year is finalised." + CsvNote)
            .ProducesCsv()
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/province-units/{code}/results/{year:int}/what-if", EvaluateWhatIf).WithName(nameof(EvaluateWhatIf))
            .WithTags("Official results")
            .RequireAuthorization(Policies.ReadAgencyData)
            .WithSummary("What DTI and rank other main-index values would have given")
            .WithDescription("Starts from the province's published main-index values, then a plan's targets (`planId`), then `mainIndexValues`, then `raise` deltas; returns the DTI and the rank it would have had in that year's published table (a range `rankBest`–`rankWorst` where the neighbours' values were not published). Changes nothing.")
            .StoresNothingAtAll()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        var results = api.MapGroup("/official-results").WithTags("Official results");
        results.MapGet("/{year:int}", GetResultTable).WithName(nameof(GetResultTable))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Get a year's official table")
            .WithDescription("Every province with a figure that year, by DTI rank (standard competition ranking: Thanh Hóa and Yên Bái both 15th in 2022, the next 17th), each figure marked Published or Computed with its source, and the field average. DTI 2024 has a table of 63 and one of 34: choose with `fieldSize` (default the larger).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        results.MapGet("/{year:int}.csv", GetResultTableCsv).WithName(nameof(GetResultTableCsv))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Download a year's official table (CSV)")
            .WithDescription("One row per province, by rank (ties share a rank): DTI value, origin and source. `fieldSize` chooses the table as in the JSON view." + CsvNote)
            .ProducesCsv()
            .ProducesProblems(StatusCodes.Status404NotFound);
        results.MapPost("/import", ImportOfficialResults).WithName(nameof(ImportOfficialResults))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithSummary("Import official figures from CSV")
            .WithDescription("`text/csv`, UTF-8, header row with columns: " + "year, fieldSize, province, kind, code, value, rank, origin, source" + ". One figure per row; a row adds its figure or revises the one with the same year, fieldSize, province, kind and code, so importing a file twice changes nothing. Any bad cell is a 422 naming its line and column (`lines[5].rank`) and nothing is stored.")
            .Accepts<string>("text/csv")
            .WithRequestBodyLimit(RequestBodyLimits.CsvImport)
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
    }

    [ParametersOf<ListProvinceUnitsQuery>]
    public static async Task<Ok<ProvinceUnitListDto>> ListProvinceUnits(IMediator mediator, CancellationToken cancellationToken, DateOnly? activeOn = null) =>
        TypedResults.Ok(await mediator.Send(new ListProvinceUnitsQuery(activeOn), cancellationToken));

    [ParametersOf<GetResultHistoryQuery>]
    public static async Task<Ok<ResultHistoryDto>> GetResultHistory(string code, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetResultHistoryQuery(code), cancellationToken));

    [ParametersOf<GetResultHistoryQuery>]
    public static async Task<FileContentHttpResult> GetResultHistoryCsv(string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        CsvDownload.Send(response, ResultCsv.History(await mediator.Send(new GetResultHistoryQuery(code), cancellationToken)));

    [ParametersOf<GetPointsLostQuery>]
    public static async Task<Ok<PointsLostDto>> GetPointsLost(string code, int year, IMediator mediator, CancellationToken cancellationToken, int? fieldSize = null) =>
        TypedResults.Ok(await mediator.Send(new GetPointsLostQuery(code, year, fieldSize), cancellationToken));

    [ParametersOf<GetPointsLostQuery>]
    public static async Task<FileContentHttpResult> GetPointsLostCsv(string code, int year, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, int? fieldSize = null) =>
        CsvDownload.Send(response, ResultCsv.PointsLost(await mediator.Send(new GetPointsLostQuery(code, year, fieldSize), cancellationToken)));

    [ParametersOf<GetSelfVsOfficialQuery>]
    public static async Task<Ok<SelfVsOfficialDto>> GetSelfVsOfficial(string code, int year, IMediator mediator, CancellationToken cancellationToken, int? fieldSize = null) =>
        TypedResults.Ok(await mediator.Send(new GetSelfVsOfficialQuery(code, year, fieldSize), cancellationToken));

    [ParametersOf<GetSelfVsOfficialQuery>]
    public static async Task<FileContentHttpResult> GetSelfVsOfficialCsv(string code, int year, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, int? fieldSize = null) =>
        CsvDownload.Send(response, ResultCsv.SelfVsOfficial(await mediator.Send(new GetSelfVsOfficialQuery(code, year, fieldSize), cancellationToken)));

    [ParametersOf<EvaluateWhatIfQuery>]
    public static async Task<Ok<WhatIfDto>> EvaluateWhatIf(string code, int year, [FromBody] WhatIfInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new EvaluateWhatIfQuery(code, year, body), cancellationToken));

    [ParametersOf<GetResultTableQuery>]
    public static async Task<Ok<ResultTableDto>> GetResultTable(int year, IMediator mediator, CancellationToken cancellationToken, int? fieldSize = null) =>
        TypedResults.Ok(await mediator.Send(new GetResultTableQuery(year, fieldSize), cancellationToken));

    [ParametersOf<GetResultTableQuery>]
    public static async Task<FileContentHttpResult> GetResultTableCsv(int year, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, int? fieldSize = null) =>
        CsvDownload.Send(response, ResultCsv.Table(await mediator.Send(new GetResultTableQuery(year, fieldSize), cancellationToken)));

    public static async Task<Ok<ImportSummaryDto>> ImportOfficialResults(IMediator mediator, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ImportOfficialResultsCommand(await CsvBody.ReadAsync(request, cancellationToken)), cancellationToken));
}
