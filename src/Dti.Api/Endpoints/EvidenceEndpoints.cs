using Dti.Api.ErrorHandling;
using Dti.Api.Idempotency;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Models;
using Dti.Application.Evidence;
using Dti.Application.Evidence.Commands.AddEvidenceLink;
using Dti.Application.Evidence.Commands.UploadEvidence;
using Dti.Application.Evidence.Queries.GetEvidence;
using Dti.Application.Evidence.Queries.GetEvidenceContent;
using Dti.Application.Evidence.Queries.ListEvidence;
using Dti.Domain.Evidence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Endpoints;

/// <summary>Evidence (tài liệu kiểm chứng) of an agency: uploaded files, checked by content and stored once, and links.</summary>
internal static class EvidenceEndpoints
{
    /// <summary>The form field that carries the file.</summary>
    public const string FileField = "file";

    /// <summary>The form field that carries the description.</summary>
    public const string DescriptionField = "description";

    public static void MapEvidenceEndpoints(this RouteGroupBuilder api)
    {
        var maxFileBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxFileBytes;
        var evidence = api.MapGroup("/agencies/{agencyId:guid}/evidence").WithTags("Evidence");
        evidence.MapGet("/", ListEvidence).WithName(nameof(ListEvidence))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("List an agency's evidence")
            .WithDescription("Files and links, newest first, paged; `kind` keeps one of them.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        evidence.MapGet("/{id:guid}", GetEvidence).WithName(nameof(GetEvidence))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("Get a piece of evidence")
            .WithDescription("What it is — a file's name, type, size and SHA-256, or a link's address — never the file's bytes (`…/content`).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        evidence.MapGet("/{id:guid}/content", GetEvidenceContent).WithName(nameof(GetEvidenceContent))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("Download an evidence file")
            .WithDescription("The bytes exactly as uploaded, with the type read from them, `Content-Disposition: attachment` keeping the Vietnamese name (RFC 6266: `filename*` in UTF-8, an ASCII `filename` without diacritics), `ETag` the SHA-256 and `X-Content-Type-Options: nosniff`. A link has no content (404).")
            .ProducesDownload(EvidenceFileType.All.Select(t => t.MediaType))
            .ProducesProblem(StatusCodes.Status404NotFound);
        evidence.MapPost("/", UploadEvidence).WithName(nameof(UploadEvidence))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("Upload an evidence file")
            .WithDescription($"`multipart/form-data` with one file in the field `{FileField}` and an optional `{DescriptionField}`. Accepted: {EvidenceFileType.AllCodes}, told by the content (signature; for DOCX/XLSX/ODT/ODS the document's parts), never by the name — and the name's extension must agree with it (422 naming `file`). At most {maxFileBytes} bytes (setting `Evidence:MaxFileBytes`): a larger file is 422 naming `file`, a larger body 413. Bytes uploaded again are stored once (same `sha256`), each upload is a piece of evidence of its own.")
            .DisableAntiforgery()
            .WithRequestBodyLimit(RequestBodyLimits.EvidenceUpload(maxFileBytes))
            // The form reader's own 128 MB cap per part would otherwise undercut a larger setting.
            .WithFormOptions(multipartBodyLengthLimit: RequestBodyLimits.EvidenceUpload(maxFileBytes))
            .WithIdempotency()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        evidence.MapPost("/links", AddEvidenceLink).WithName(nameof(AddEvidenceLink))
            .RequireAuthorization(Policies.WriteAgencyData)
            .WithSummary("Add a link as evidence")
            .WithDescription("An absolute `http://` or `https://` address (without a user name or password) and a description of what it shows, both required.")
            .WithIdempotency()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
    }

    [ParametersOf<ListEvidenceQuery>]
    public static async Task<Ok<PagedList<EvidenceDto>>> ListEvidence(
        Guid agencyId, IMediator mediator, CancellationToken cancellationToken, EvidenceKind? kind = null, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListEvidenceQuery(agencyId, kind, new PageRequest(page, pageSize)), cancellationToken));

    public static async Task<Ok<EvidenceDto>> GetEvidence(Guid agencyId, Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEvidenceQuery(agencyId, id), cancellationToken));

    public static async Task<FileStreamHttpResult> GetEvidenceContent(Guid agencyId, Guid id, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new GetEvidenceContentQuery(agencyId, id), cancellationToken);
        context.Response.Headers.ContentDisposition = Attachments.ContentDisposition(file.FileName);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(file.Content, file.MediaType, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    [ParametersOf<UploadEvidenceCommand>]
    public static async Task<Created<EvidenceDto>> UploadEvidence(
        Guid agencyId, IFormFile file, [FromForm] string? description, HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        OnlyKnownFields(request.Form);
        await using var content = file.OpenReadStream();
        var evidence = await mediator.Send(new UploadEvidenceCommand(agencyId, file.FileName, content, description), cancellationToken);
        return TypedResults.Created($"/api/v1/agencies/{agencyId}/evidence/{evidence.Id}", evidence);
    }

    public static async Task<Created<EvidenceDto>> AddEvidenceLink(
        Guid agencyId, [FromBody] EvidenceLinkInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var evidence = await mediator.Send(new AddEvidenceLinkCommand(agencyId, body), cancellationToken);
        return TypedResults.Created($"/api/v1/agencies/{agencyId}/evidence/{evidence.Id}", evidence);
    }

    /// <summary>
    /// The form holds one file in <see cref="FileField"/> and at most one <see cref="DescriptionField"/>, as a JSON body
    /// holds no unknown property: a misspelt field is a 400 naming it, not silently dropped.
    /// </summary>
    private static void OnlyKnownFields(IFormCollection form)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (name != DescriptionField)
            {
                errors[name] = [$"Unknown form field '{name}'. This operation takes the fields '{FileField}' (the file) and '{DescriptionField}'."];
            }
            else if (values.Count > 1)
            {
                errors[name] = [$"Send '{DescriptionField}' once."];
            }
        }

        foreach (var extra in form.Files.Where(f => f.Name != FileField).Select(f => f.Name).Distinct())
        {
            errors[extra] = [$"Unknown file field '{extra}'. Send the file in '{FileField}'."];
        }

        if (form.Files.Count(f => f.Name == FileField) > 1)
        {
            errors[FileField] = ["Send one file per upload."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
