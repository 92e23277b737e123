using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Agencies;

namespace Dti.Application.Agencies;

/// <summary>An agency as the API shows it.</summary>
[LimitsOf(typeof(AgencyInput))]
public sealed record AgencyDto(
    Guid Id,
    string Code,
    string FullName,
    string ShortName,
    AgencyKind Kind,
    Guid? ParentId,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    Guid? SuccessorId,
    SuccessionReason? SuccessionReason,
    [property: MaxLength(AgencyLimits.NoteMaxLength), RegularExpression(TextRules.MultiLinePattern)] string? SuccessionNote,
    bool IsSample,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
