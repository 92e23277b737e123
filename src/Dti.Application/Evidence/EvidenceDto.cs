using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Evidence;

namespace Dti.Application.Evidence;

/// <summary>
/// A piece of evidence as the API shows it. A file has its name, type, size and SHA-256 (its bytes:
/// <c>GET …/evidence/{id}/content</c>); a link has its address.
/// </summary>
public sealed record EvidenceDto(
    Guid Id,
    Guid AgencyId,
    EvidenceKind Kind,
    [property: MaxLength(EvidenceLimits.FileNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? FileName,
    [property: MaxLength(EvidenceLimits.MediaTypeMaxLength), RegularExpression("^[a-z]+/[a-z0-9.+-]+$")] string? MediaType,
    [property: Range(1, long.MaxValue)] long? SizeBytes,
    [property: MaxLength(EvidenceLimits.Sha256Length), RegularExpression(EvidenceLimits.Sha256Pattern)] string? Sha256,
    [property: MaxLength(EvidenceLimits.UrlMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? Url,
    [property: MaxLength(EvidenceLimits.DescriptionMaxLength), RegularExpression(TextRules.MultiLinePattern)] string? Description,
    [property: MaxLength(EvidenceLimits.UploadedByNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? UploadedByName,
    DateTimeOffset UploadedAt);
