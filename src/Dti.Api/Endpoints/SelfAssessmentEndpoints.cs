using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.SelfAssessments;
using Dti.Application.SelfAssessments.Commands.FinaliseSelfAssessment;
using Dti.Application.SelfAssessments.Commands.ImportMinistryFigures;
using Dti.Application.SelfAssessments.Commands.OpenSelfAssessment;
using Dti.Application.SelfAssessments.Commands.OverrideIndex;
using Dti.Application.SelfAssessments.Commands.PullSnapshot;
using Dti.Application.SelfAssessments.Commands.ReopenSelfAssessment;
using Dti.Application.SelfAssessments.Queries.CompareWithMinistry;
using Dti.Application.SelfAssessments.Queries.GetMinistryFigures;
using Dti.Application.SelfAssessments.Queries.GetSelfAssessment;
using Dti.Application.SelfAssessments.Queries.GetSigningCertificate;
using Dti.Application.SelfAssessments.Queries.ListSnapshotPulls;
using Dti.Application.SelfAssessments.Queries.ListSnapshots;
using Dti.Domain.SelfAssessments;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Endpoints;

/// <summary>The province's self-assessment of a year: consolidation, overrides, finalised and signed snapshots the ministry pulls.</summary>
internal static class SelfAssessmentEndpoints
{
    private const string Lifecycle = "the self-assessment lifecycle table, docs/self-assessment.md";

    /// <summary>The media type of the signing certificate.</summary>
    private const string PemMediaType = "application/x-pem-file";

    public static void MapSelfAssessmentEndpoints(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/self-assessments").WithTags("Self-assessments");
        assessments.MapPost("/", OpenSelfAssessment).WithName(nameof(OpenSelfAssessment))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithSummary("Open a year's self-assessment")
            .WithDescription("Under the framework governing `assessmentYear` (422 `plan.no-framework`), with its own deadline from the annual rule `deadlineRuleId` (e.g. Quảng Bình 2351/UBND-KSTT: before 15/01 of the next year; 422 `self-assessment.rule-not-annual`). One per year (409 `self-assessment.exists`). Answers the consolidation as of now.")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        assessments.MapGet("/{year:int}", GetSelfAssessment).WithName(nameof(GetSelfAssessment))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithSummary("A year's self-assessment, consolidated now")
            .WithDescription("Every main index and component of the framework, in order, with the value, score and evidence of the latest **accepted** report of its lead agency (under the year's issued plans) that gives it a figure — with provenance: report, version, agency, submission and acceptance instants, content hash — or `Missing` naming the lead agencies to chase; the coordinator's override beside the reported figures. `score`: the DTI (Σ main value × max points / 1000), each main index (from its components' points where the framework gives them, else its value in [0, 1]; smart city carried, not counted) and pillar sub-totals. `completeness`: shares with a value and with evidence, per main index, missing by lead agency. `deadline`: the last allowed instant and where it stands. The ETag carries the version for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapPut("/{year:int}/indices/{indexCode}/override", OverrideSelfAssessmentIndex).WithName(nameof(OverrideSelfAssessmentIndex))
            .RequireAuthorization(Policies.ForAction(SelfAssessmentLifecycle.Table, SelfAssessmentAction.Override))
            .RequireIfMatch()
            .WithSummary("Override an index's value or score")
            .WithDescription("A `value` (a main index's on the ministry's [0, 1] scale) and/or a `score` (not above the index's max points), with a `reason`. Replaces an earlier override of the index; the reported figures stay visible and the audit trail keeps every override. Only while Open (409 `self-assessment.transition.not-allowed`, " + Lifecycle + "); an index the framework does not define is 422 `self-assessment.unknown-index`.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        assessments.MapPost("/{year:int}/finalise", FinaliseSelfAssessment).WithName(nameof(FinaliseSelfAssessment))
            .RequireAuthorization(Policies.ForAction(SelfAssessmentLifecycle.Table, SelfAssessmentAction.Finalise))
            .RequireIfMatch()
            .WithSummary("Finalise: freeze and sign the next snapshot revision")
            .WithDescription("Open → Finalised. The consolidation as it stands becomes one canonical JSON document (keys in ordinal order, NFC text, decimals as strings at a fixed scale), its SHA-256 and a detached CMS signature with the province's certificate (409 `self-assessment.signing-not-configured` without one). The revision never changes afterwards. Any other state: 409 (" + Lifecycle + ").")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        assessments.MapPost("/{year:int}/reopen", ReopenSelfAssessment).WithName(nameof(ReopenSelfAssessment))
            .RequireAuthorization(Policies.ForAction(SelfAssessmentLifecycle.Table, SelfAssessmentAction.Reopen))
            .RequireIfMatch()
            .WithSummary("Reopen to prepare the next revision")
            .WithDescription("Finalised → Open; finalising again makes revision n + 1, every earlier revision unchanged byte for byte. Any other state: 409 (" + Lifecycle + ").")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        assessments.MapGet("/{year:int}/snapshots", ListSnapshots).WithName(nameof(ListSnapshots))
            .RequireAuthorization(Policies.PullSnapshots)
            .WithSummary("List a year's finalised snapshots")
            .WithDescription("Oldest first: revision, SHA-256 (the document's ETag), when and by whom finalised, the signature format and the signing certificate's SHA-256 thumbprint. The ministry sees these and nothing of the province's drafts: 404 until the year's first revision is finalised.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/{year:int}/snapshots/{revision:int}", GetSnapshot).WithName(nameof(GetSnapshot))
            .RequireAuthorization(Policies.PullSnapshots)
            .WithSummary("Download a snapshot revision")
            .WithDescription("`format` Json (default): the canonical document exactly as signed; Csv: one row per index, UTF-8 with a byte-order mark; Signature: the detached CMS signature (DER) over the JSON document's bytes; Dhis2: a DHIS2 `dataValueSet` (period = the year, data element = index code for the value, `{code}.score` for the score; the importer sets the organisation unit). `ETag` is the SHA-256 of the bytes; `If-None-Match` with it answers 304. Every download is recorded (who, which revision, what, when).")
            .ProducesDownload(["application/json", "text/csv; charset=utf-8", "application/pkcs7-signature"])
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/{year:int}/snapshots/pulls", ListSnapshotPulls).WithName(nameof(ListSnapshotPulls))
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithSummary("Who pulled the year's snapshots")
            .WithDescription("Most recent first (at most 1,000): the revision, the format, the client and its role, when — so the province sees that the ministry has it. 404 until the year's first revision is finalised.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/{year:int}/snapshots/{revision:int}/ministry-figures", GetMinistryFigures).WithName(nameof(GetMinistryFigures))
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("The ministry's numbers imported for a snapshot revision")
            .WithDescription("Per index, the appraised (thẩm định) and final (đạt được) value and score, where they come from (`source`: the ministry's decision), who imported them and when. The ETag carries the version for If-Match. 404 until they are imported.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapPut("/{year:int}/snapshots/{revision:int}/ministry-figures", ImportMinistryFigures).WithName(nameof(ImportMinistryFigures))
            .RequireAuthorization(Policies.ImportMinistryFigures)
            .RequireIfMatch(orCreate: true)
            .Accepts<MinistryFiguresInput>("application/json", "text/csv")
            .WithSummary("Import the ministry's appraised and final numbers against a snapshot revision")
            .WithDescription("JSON `{ source, figures: [{ code, appraisedValue, appraisedScore, finalValue, finalScore }] }`, or `text/csv` (UTF-8, header row) with columns "
                + "code, appraisedValue, appraisedScore, finalValue, finalScore, source (the source on at least one row). Values on the ministry's [0, 1] scale, scores between 0 and the index's max points; "
                + "every index of the snapshot at most once (422 naming `figures[i].code` or `lines[n].code` for a code the snapshot does not have); any bad CSV cell is a 422 naming `lines[n].column`, and nothing is stored. "
                + "The import replaces the snapshot's earlier figures whole; the same numbers again change nothing. The snapshot itself never changes. "
                + "To replace figures send the ETag you read as If-Match (412 when stale); to import the first ones send `If-None-Match: *` (412 when some exist); with neither, 428.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        assessments.MapGet("/{year:int}/snapshots/{revision:int}/comparison", CompareWithMinistry).WithName(nameof(CompareWithMinistry))
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("Compare a snapshot revision with the ministry's numbers")
            .WithDescription("Per index (main indices then their components, as in the snapshot): the self-assessed value and score, the appraised and final ones, and appraised − self, final − self. `totals`: the DTI of each column, scored as the self-assessment is, where its main-index values are complete, and their differences. The same as CSV: `comparison.csv`. The ministry's columns are null until its numbers are imported; 404 for a revision not finalised.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/{year:int}/snapshots/{revision:int}/comparison.csv", CompareWithMinistryCsv).WithName(nameof(CompareWithMinistryCsv))
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("The comparison with the ministry's numbers as CSV")
            .WithDescription("The comparison's indices, one row per index in the same order, UTF-8 with a byte-order mark so spreadsheets keep Vietnamese names (the totals stay in the JSON). 404 for a revision not finalised.")
            .ProducesCsv()
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/signing-certificate", GetSigningCertificate).WithName(nameof(GetSigningCertificate))
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("The province's signing certificate")
            .WithDescription("PEM. Verify a snapshot with `openssl cms -verify -binary -inform DER -in snapshot.json.p7s -content snapshot.json -certfile province.pem -nointern -CAfile province.pem -purpose any` (docs/self-assessment.md). 409 `self-assessment.signing-not-configured` when none is set.")
            .Produces<string>(StatusCodes.Status200OK, PemMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Created<SelfAssessmentDto>> OpenSelfAssessment([FromBody] OpenSelfAssessmentInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var assessment = response.WithETag(await mediator.Send(new OpenSelfAssessmentCommand(body), cancellationToken));
        return TypedResults.Created($"/api/v1/self-assessments/{assessment.AssessmentYear}", assessment);
    }

    [ParametersOf<GetSelfAssessmentQuery>]
    public static async Task<Ok<SelfAssessmentDto>> GetSelfAssessment(int year, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetSelfAssessmentQuery(year), cancellationToken)));

    [ParametersOf<OverrideIndexCommand>]
    public static async Task<Ok<SelfAssessmentDto>> OverrideSelfAssessmentIndex(
        int year, string indexCode, [FromBody] OverrideIndexInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new OverrideIndexCommand(year, indexCode, body, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<FinaliseSelfAssessmentCommand>]
    public static async Task<Ok<SelfAssessmentDto>> FinaliseSelfAssessment(int year, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new FinaliseSelfAssessmentCommand(year, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<ReopenSelfAssessmentCommand>]
    public static async Task<Ok<SelfAssessmentDto>> ReopenSelfAssessment(int year, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new ReopenSelfAssessmentCommand(year, request.ExpectedVersion()), cancellationToken)));

    [ParametersOf<ListSnapshotsQuery>]
    public static async Task<Ok<SnapshotListDto>> ListSnapshots(int year, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListSnapshotsQuery(year), cancellationToken));

    [ParametersOf<PullSnapshotCommand>]
    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> GetSnapshot(
        int year, int revision, IMediator mediator, HttpContext context, CancellationToken cancellationToken, SnapshotFormat format = SnapshotFormat.Json)
    {
        var file = await mediator.Send(new PullSnapshotCommand(year, revision, format, context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } held ? held : null), cancellationToken);
        var tag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        if (file.Content is null)
        {
            context.Response.Headers.ETag = tag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ContentDisposition = Attachments.ContentDisposition(file.FileName);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.MediaType, entityTag: tag);
    }

    [ParametersOf<ListSnapshotPullsQuery>]
    public static async Task<Ok<SnapshotPullListDto>> ListSnapshotPulls(int year, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListSnapshotPullsQuery(year), cancellationToken));

    [ParametersOf<GetMinistryFiguresQuery>]
    public static async Task<Ok<MinistryFiguresDto>> GetMinistryFigures(int year, int revision, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(response.WithETag(await mediator.Send(new GetMinistryFiguresQuery(year, revision), cancellationToken)));

    [ParametersOf<ImportMinistryFiguresCommand>]
    public static async Task<Ok<MinistryFiguresDto>> ImportMinistryFigures(int year, int revision, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = request.ExpectedVersion();
        var figures = CsvBody.IsCsv(request)
            ? await mediator.Send(new ImportMinistryFiguresCsvCommand(year, revision, await CsvBody.ReadAsync(request, cancellationToken), expected), cancellationToken)
            : await mediator.Send(new ImportMinistryFiguresCommand(year, revision, (await JsonBody.ReadAsync<MinistryFiguresInput>(request, cancellationToken))!, expected), cancellationToken);
        return TypedResults.Ok(response.WithETag(figures));
    }

    [ParametersOf<CompareWithMinistryQuery>]
    public static async Task<Ok<MinistryComparisonDto>> CompareWithMinistry(int year, int revision, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CompareWithMinistryQuery(year, revision), cancellationToken));

    [ParametersOf<CompareWithMinistryQuery>]
    public static async Task<FileContentHttpResult> CompareWithMinistryCsv(int year, int revision, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
        CsvDownload.Send(response, MinistryComparisonCsv.Of(await mediator.Send(new CompareWithMinistryQuery(year, revision), cancellationToken)));

    public static async Task<ContentHttpResult> GetSigningCertificate(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Text(await mediator.Send(new GetSigningCertificateQuery(), cancellationToken), PemMediaType);
}
