namespace Dti.Domain.Plans;

/// <summary>Everything that defines a plan, as created or replaced through the API.</summary>
public sealed record PlanSpec(
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
    IReadOnlyList<IndexTargetSpec> IndexTargets,
    IReadOnlyList<SolutionGroupSpec> SolutionGroups,
    Guid? ParentPlanId,
    bool IsSample);

/// <summary>What a plan aims for on one main index: a value (e.g. 0.75) and/or points.</summary>
public sealed record IndexTargetSpec(string MainIndexCode, decimal? TargetValue, decimal? TargetPoints);

/// <summary>A group of solutions (nhóm giải pháp) that improves one main index.</summary>
public sealed record SolutionGroupSpec(int Order, string Title, string MainIndexCode);
