using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Plans;

namespace Dti.Application.Plans;

/// <summary>
/// A plan with its objectives and solution groups. <c>AllowedActions</c> is what the plan lifecycle allows next from
/// its status (empty once closed or superseded); who may take each is in the lifecycle table.
/// </summary>
[LimitsOf(typeof(PlanInput))]
public sealed record PlanDto(
    Guid Id,
    PlanKind Kind,
    string DocumentNumber,
    Guid IssuerAgencyId,
    DateOnly IssueDate,
    string Title,
    string? Summary,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    int FirstAssessmentYear,
    int LastAssessmentYear,
    decimal? TargetTotalScore,
    int? TargetRank,
    string? TargetRankGroup,
    IReadOnlyList<IndexTargetDto> IndexTargets,
    IReadOnlyList<SolutionGroupDto> SolutionGroups,
    PlanStatus Status,
    [property: MaxLength(PlanLifecycle.MaxAllowedActions)] IReadOnlyList<PlanAction> AllowedActions,
    Guid? SupersededById,
    Guid? ParentPlanId,
    bool IsSample,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

[LimitsOf(typeof(IndexTargetInput))]
public sealed record IndexTargetDto(string MainIndexCode, decimal? TargetValue, decimal? TargetPoints);

[LimitsOf(typeof(SolutionGroupInput))]
public sealed record SolutionGroupDto(int Order, string Title, string MainIndexCode);

/// <summary>A plan in a list.</summary>
[LimitsOf(typeof(PlanInput))]
public sealed record PlanSummaryDto(
    Guid Id,
    PlanKind Kind,
    string DocumentNumber,
    Guid IssuerAgencyId,
    DateOnly IssueDate,
    string Title,
    int FirstAssessmentYear,
    int LastAssessmentYear,
    PlanStatus Status,
    [property: Range(0, PlanLimits.MaxSolutionGroups)] int SolutionGroupCount,
    bool IsSample);
