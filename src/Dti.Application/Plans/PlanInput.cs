using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using FluentValidation;

namespace Dti.Application.Plans;

/// <summary>
/// The body that creates or replaces a plan. Objectives are the target total score, rank, rank group and per-main-index
/// targets; solution groups each name the main index they improve. <see cref="LastAssessmentYear"/> defaults to the first.
/// </summary>
public sealed record PlanInput(
    PlanKind? Kind,
    string DocumentNumber,
    Guid IssuerAgencyId,
    DateOnly? IssueDate,
    string Title,
    string? Summary,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    int FirstAssessmentYear,
    int? LastAssessmentYear,
    decimal? TargetTotalScore,
    int? TargetRank,
    string? TargetRankGroup,
    IReadOnlyList<IndexTargetInput>? IndexTargets,
    IReadOnlyList<SolutionGroupInput>? SolutionGroups,
    Guid? ParentPlanId,
    bool IsSample = false)
{
    public PlanSpec ToSpec() => new(
        Kind!.Value,
        DocumentNumber,
        IssuerAgencyId,
        IssueDate!.Value,
        Title,
        Summary,
        PeriodStart,
        PeriodEnd,
        FirstAssessmentYear,
        LastAssessmentYear ?? FirstAssessmentYear,
        TargetTotalScore,
        TargetRank,
        TargetRankGroup,
        [.. (IndexTargets ?? []).Select(t => new IndexTargetSpec(t.MainIndexCode, t.TargetValue, t.TargetPoints))],
        [.. (SolutionGroups ?? []).Select(g => new SolutionGroupSpec(g.Order, g.Title, g.MainIndexCode))],
        ParentPlanId,
        IsSample);
}

public sealed record IndexTargetInput(string MainIndexCode, decimal? TargetValue, decimal? TargetPoints);

public sealed record SolutionGroupInput(int Order, string Title, string MainIndexCode);

public sealed class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator()
    {
        RuleFor(p => p.Kind).NotNull().IsDefinedEnum();
        RuleFor(p => p.DocumentNumber).NotEmpty().SingleLine(PlanLimits.DocumentNumberMaxLength);
        RuleFor(p => p.IssuerAgencyId).NotEmpty();
        RuleFor(p => p.IssueDate).NotNull();
        RuleFor(p => p.Title).NotEmpty().SingleLine(PlanLimits.TitleMaxLength);
        RuleFor(p => p.Summary).MultiLine(PlanLimits.SummaryMaxLength);
        RuleFor(p => p.FirstAssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(p => p.LastAssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(p => p.LastAssessmentYear)
            .GreaterThanOrEqualTo(p => p.FirstAssessmentYear).WithMessage("'lastAssessmentYear' must not be before 'firstAssessmentYear'.")
            .When(p => p.LastAssessmentYear is not null);
        RuleFor(p => p.TargetTotalScore).InclusiveBetween(0, PlanLimits.MaxTotalScore);
        RuleFor(p => p.TargetRank).InclusiveBetween(1, PlanLimits.MaxRank);
        RuleFor(p => p.TargetRankGroup).SingleLine(PlanLimits.RankGroupMaxLength);
        RuleFor(p => p.IndexTargets).MaxItems(PlanLimits.MaxIndexTargets)
            .WithMessage($"At most {PlanLimits.MaxIndexTargets} index targets.");
        RuleFor(p => p.SolutionGroups).MaxItems(PlanLimits.MaxSolutionGroups)
            .WithMessage($"At most {PlanLimits.MaxSolutionGroups} solution groups.");
        RuleForEach(p => p.IndexTargets).NoNullItems().SetValidator(new IndexTargetInputValidator());
        RuleForEach(p => p.SolutionGroups).NoNullItems().SetValidator(new SolutionGroupInputValidator());
    }
}

public sealed class IndexTargetInputValidator : AbstractValidator<IndexTargetInput>
{
    public IndexTargetInputValidator()
    {
        RuleFor(t => t.MainIndexCode).NotEmpty().IndexCode();
        RuleFor(t => t.TargetPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints);
    }
}

public sealed class SolutionGroupInputValidator : AbstractValidator<SolutionGroupInput>
{
    public SolutionGroupInputValidator()
    {
        RuleFor(g => g.Order).InclusiveBetween(0, PlanLimits.MaxOrder);
        RuleFor(g => g.Title).NotEmpty().SingleLine(PlanLimits.TitleMaxLength);
        RuleFor(g => g.MainIndexCode).NotEmpty().IndexCode();
    }
}
