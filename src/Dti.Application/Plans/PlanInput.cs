using Dti.Application.Common.Validation;
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
        RuleFor(p => p.Kind).NotNull().IsInEnum();
        RuleFor(p => p.DocumentNumber).NotEmpty().MaximumLength(PlanLimits.DocumentNumberMaxLength);
        RuleFor(p => p.IssuerAgencyId).NotEmpty();
        RuleFor(p => p.IssueDate).NotNull();
        RuleFor(p => p.Title).NotEmpty().MaximumLength(PlanLimits.TitleMaxLength);
        RuleFor(p => p.Summary).MaximumLength(PlanLimits.SummaryMaxLength);
        RuleFor(p => p.FirstAssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(p => p.LastAssessmentYear)
            .GreaterThanOrEqualTo(p => p.FirstAssessmentYear).WithMessage("'lastAssessmentYear' must not be before 'firstAssessmentYear'.")
            .LessThanOrEqualTo(FrameworkLimits.LastSupportedYear)
            .When(p => p.LastAssessmentYear is not null);
        RuleFor(p => p.TargetRankGroup).MaximumLength(PlanLimits.RankGroupMaxLength);
        RuleFor(p => p.IndexTargets).Must(t => t is null || t.Count <= PlanLimits.MaxIndexTargets)
            .WithMessage($"At most {PlanLimits.MaxIndexTargets} index targets.");
        RuleFor(p => p.SolutionGroups).Must(g => g is null || g.Count <= PlanLimits.MaxSolutionGroups)
            .WithMessage($"At most {PlanLimits.MaxSolutionGroups} solution groups.");
        RuleForEach(p => p.IndexTargets).NoNullItems().ChildRules(t =>
            t.RuleFor(x => x.MainIndexCode).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength));
        RuleForEach(p => p.SolutionGroups).NoNullItems().ChildRules(g =>
        {
            g.RuleFor(x => x.Order).GreaterThanOrEqualTo(0);
            g.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanLimits.TitleMaxLength);
            g.RuleFor(x => x.MainIndexCode).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength);
        });
    }
}
