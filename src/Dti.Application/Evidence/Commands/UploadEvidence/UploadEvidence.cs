using System.Security.Cryptography;
using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Common;
using Dti.Domain.Evidence;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Evidence.Commands.UploadEvidence;

/// <summary>
/// Stores an uploaded file as evidence of an agency: its type read from the content (the name's extension must agree),
/// its bytes kept once per SHA-256 in the configured store, and one evidence row for this upload.
/// </summary>
/// <param name="AgencyId">The agency the evidence belongs to.</param>
/// <param name="FileName">The name the file was uploaded under.</param>
/// <param name="Content">The bytes: readable and seekable (the endpoint hands over the buffered form file).</param>
/// <param name="Description">What the file shows (optional).</param>
public sealed record UploadEvidenceCommand(Guid AgencyId, string? FileName, Stream Content, string? Description) : IRequest<EvidenceDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(AgencyId);
}

public sealed class UploadEvidenceValidator : AbstractValidator<UploadEvidenceCommand>
{
    public UploadEvidenceValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().WithMessage("The file part needs a file name (Content-Disposition filename).")
            .SingleLine(EvidenceLimits.FileNameMaxLength).OverridePropertyName("file");
        RuleFor(c => c.Description).MultiLine(EvidenceLimits.DescriptionMaxLength);
    }
}

public sealed class UploadEvidenceHandler(
    IApplicationDbContext db, IEvidenceContentStore store, ICurrentClient client, IOptions<EvidenceOptions> options, TypeAdapterConfig mapping, TimeProvider clock)
    : IRequestHandler<UploadEvidenceCommand, EvidenceDto>
{
    public async Task<EvidenceDto> Handle(UploadEvidenceCommand request, CancellationToken cancellationToken)
    {
        await db.EnsureExistsAsync(request.AgencyId, cancellationToken);
        var bytes = request.Content;
        var limit = options.Value.MaxFileBytes;
        if (bytes.Length == 0)
        {
            throw new DomainException("evidence.empty", "The file is empty.", "file");
        }

        if (bytes.Length > limit)
        {
            throw new DomainException("evidence.too-large", $"The file is {bytes.Length} bytes; evidence files may be at most {limit} bytes (setting Evidence:MaxFileBytes).", "file");
        }

        var type = EvidenceFileTypes.Identify(bytes);
        bytes.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes, cancellationToken));
        var now = clock.GetUtcNow();
        var content = EvidenceContent.Create(sha256, bytes.Length, type, now);

        // Checked before the bytes are stored, so a misnamed file leaves nothing behind.
        var item = EvidenceItem.File(request.AgencyId, request.FileName, content, type, request.Description, client.ClientId, client.Name, now);
        await store.StoreAsync(content, bytes, cancellationToken);
        db.Evidence.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Adapt<EvidenceDto>(mapping);
    }
}
