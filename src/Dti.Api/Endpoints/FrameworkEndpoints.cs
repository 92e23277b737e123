using Dti.Api.ErrorHandling;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Models;
using Dti.Application.Frameworks;
using Dti.Application.Frameworks.Commands.ImportComponentIndices;
using Dti.Application.Frameworks.Commands.ImportFramework;
using Dti.Application.Frameworks.Commands.PublishFramework;
using Dti.Application.Frameworks.Commands.UpdateFramework;
using Dti.Application.Frameworks.Queries.GetFramework;
using Dti.Application.Frameworks.Queries.GetFrameworkForYear;
using Dti.Application.Frameworks.Queries.GetIndex;
using Dti.Application.Frameworks.Queries.ListFrameworks;
using Dti.Domain.Frameworks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dti.Api.Endpoints;

/// <summary>The DTI framework catalog: versions of the national index, their pillars, main and component indices.</summary>
internal static class FrameworkEndpoints
{
    public static void MapFrameworkEndpoints(this RouteGroupBuilder api)
    {
        var frameworks = api.MapGroup("/frameworks").WithTags("Frameworks");
        frameworks.MapGet("/", ListFrameworks).WithName(nameof(ListFrameworks))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("List framework versions")
            .WithDescription("Paged; newest governed years first unless `sort` says otherwise. Filter by `status` or by the assessment `year` a framework governs.");
        frameworks.MapGet("/{code}", GetFramework).WithName(nameof(GetFramework))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Get a framework with its whole tree")
            .WithDescription("Pillars, main indices and, inside each main index, its component indices. The ETag header carries the version for If-Match.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        frameworks.MapGet("/{code}/indices/{indexCode}", GetIndex).WithName(nameof(GetIndex))
            .RequireAuthorization(Policies.ReadReference)
            .WithSummary("Get one index of a framework")
            .WithDescription("A main index (`7`, with its components) or a component index (`7.3`).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        frameworks.MapPost("/", ImportFramework).WithName(nameof(ImportFramework))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithSummary("Import a framework version as a draft")
            .WithDescription("The whole definition as JSON. Codes must be unique within the framework; a year is governed by one framework only.")
            .WithRequestBodyLimit(RequestBodyLimits.FrameworkDefinition)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        frameworks.MapPut("/{code}", UpdateFramework).WithName(nameof(UpdateFramework))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Redefine a draft framework")
            .WithDescription("Replaces the whole definition. Send the ETag you read as If-Match (428 without it); a stale one gets 412 and changes nothing. Published frameworks cannot change (409).")
            .WithRequestBodyLimit(RequestBodyLimits.FrameworkDefinition)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        frameworks.MapPost("/{code}/component-indices/import", ImportComponentIndices).WithName(nameof(ImportComponentIndices))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Import component indices from CSV into a draft")
            .WithDescription("`text/csv`, UTF-8, header row with columns: " + "code, mainIndexCode, order, nameVi, nameEn, maxPoints, measureType, unit, evidenceRequired, dataSource, isSample" + ". Rows whose code exists replace that component. Errors name the row: `rows[3].maxPoints`.")
            .Accepts<string>("text/csv")
            .WithRequestBodyLimit(RequestBodyLimits.CsvImport)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        frameworks.MapPost("/{code}/publish", PublishFramework).WithName(nameof(PublishFramework))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .RequireIfMatch()
            .WithSummary("Publish a draft framework")
            .WithDescription("Needs a complete structure: every scored main index has points, scored points add up to 1,000, component points add up to their main index. Everything missing is listed in one 422.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/assessment-years/{year:int}/framework", GetFrameworkForYear).WithName(nameof(GetFrameworkForYear))
            .RequireAuthorization(Policies.ReadReference)
            .WithTags("Frameworks")
            .WithSummary("Get the framework that governs an assessment year")
            .WithDescription("E.g. 2022 → QĐ 922/QĐ-BTTTT; 2024 → QĐ 405/QĐ-BKHCN.")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    [ParametersOf<ListFrameworksQuery>]
    public static async Task<Ok<PagedList<FrameworkSummaryDto>>> ListFrameworks(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize,
        FrameworkStatus? status = null,
        int? year = null,
        string? sort = null) =>
        TypedResults.Ok(await mediator.Send(new ListFrameworksQuery(new PageRequest(page, pageSize), status, year, sort), cancellationToken));

    [ParametersOf<GetFrameworkQuery>]
    public static async Task<Ok<FrameworkDto>> GetFramework(string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetFrameworkQuery(code), cancellationToken)));

    [ParametersOf<GetIndexQuery>]
    public static async Task<Ok<IndexDto>> GetIndex(string code, string indexCode, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetIndexQuery(code, indexCode), cancellationToken));

    [ParametersOf<GetFrameworkForYearQuery>]
    public static async Task<Ok<FrameworkDto>> GetFrameworkForYear(int year, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetFrameworkForYearQuery(year), cancellationToken)));

    public static async Task<Created<FrameworkDto>> ImportFramework(
        [FromBody] FrameworkInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var framework = response.WithETag(await mediator.Send(new ImportFrameworkCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/frameworks/{framework.Code}", framework);
    }

    [ParametersOf<UpdateFrameworkCommand>]
    public static async Task<Ok<FrameworkDto>> UpdateFramework(
        string code, [FromBody] FrameworkInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new UpdateFrameworkCommand(code, body, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<ImportComponentIndicesCommand>]
    public static async Task<Ok<FrameworkDto>> ImportComponentIndices(
        string code, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var csv = await CsvBody.ReadAsync(request, cancellationToken);
        return TypedResults.Ok(response.WithETag(await mediator.Send(new ImportComponentIndicesCommand(code, csv, request.ExpectedVersion()), cancellationToken)));
    }

    [ParametersOf<PublishFrameworkCommand>]
    public static async Task<Ok<FrameworkDto>> PublishFramework(
        string code, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new PublishFrameworkCommand(code, request.ExpectedVersion()), cancellationToken)));
}
