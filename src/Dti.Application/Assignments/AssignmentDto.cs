using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Agencies;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;

namespace Dti.Application.Assignments;

/// <summary>An index assignment: the lead agency, the cooperators, the responsible person and the targets.</summary>
[LimitsOf(typeof(AssignmentInput))]
public sealed record AssignmentDto(
    Guid Id,
    Guid PlanId,
    string IndexCode,
    Guid LeadAgencyId,
    IReadOnlyList<Guid> CooperatingAgencyIds,
    string? ResponsiblePersonName,
    string? ResponsiblePersonTitle,
    decimal? TargetValue,
    decimal? TargetPoints,
    bool IsSample,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An assignment with the plan it belongs to and, when asked per agency, the role that agency plays.</summary>
public sealed record PlanAssignmentDto(
    AssignmentDto Assignment,
    [property: MaxLength(PlanLimits.DocumentNumberMaxLength), RegularExpression(TextRules.SingleLinePattern)] string PlanDocumentNumber,
    PlanStatus PlanStatus,
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int FirstAssessmentYear,
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int LastAssessmentYear,
    HolderRole? Role);

/// <summary>One agency leaving or taking a role on an assignment.</summary>
public sealed record HolderChangeDto(
    DateTimeOffset RecordedAt,
    HolderChangeKind Kind,
    HolderRole Role,
    Guid? PreviousAgencyId,
    Guid? NewAgencyId,
    [property: MaxLength(HolderChange.ReasonMaxLength), RegularExpression(TextRules.MultiLinePattern)] string? Reason);
