using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;

namespace Dti.Application.SelfAssessments;

/// <summary>Opens a year's self-assessment, whose deadline comes from an annual deadline rule (e.g. "before 15/01 of the next year").</summary>
/// <param name="AssessmentYear">The year assessed.</param>
/// <param name="DeadlineRuleId">The annual rule giving the self-assessment's deadline.</param>
public sealed record OpenSelfAssessmentInput(int? AssessmentYear, Guid? DeadlineRuleId);

public sealed class OpenSelfAssessmentInputValidator : AbstractValidator<OpenSelfAssessmentInput>
{
    public OpenSelfAssessmentInputValidator()
    {
        RuleFor(i => i.AssessmentYear).NotNull().InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(i => i.DeadlineRuleId).NotNull().NotEqual(Guid.Empty);
    }
}

/// <summary>The coordinator's value and/or score for an index, with the reason (audited; the reported figures stay visible).</summary>
/// <param name="Value">The value: a main index's on the ministry's [0, 1] scale.</param>
/// <param name="Score">The points, not above the index's max points.</param>
/// <param name="Reason">Why the reported figures are overridden.</param>
public sealed record OverrideIndexInput(decimal? Value, decimal? Score, string? Reason);

public sealed class OverrideIndexInputValidator : AbstractValidator<OverrideIndexInput>
{
    public OverrideIndexInputValidator()
    {
        RuleFor(i => i.Value).InclusiveBetween(0m, 1_000_000m);
        RuleFor(i => i.Score).InclusiveBetween(0m, FrameworkLimits.TotalPoints);
        RuleFor(i => i.Reason).NotEmpty().MultiLine(SelfAssessmentLimits.ReasonMaxLength);
        RuleFor(i => i.Value).NotNull().When(i => i.Score is null).WithMessage("Give a 'value', a 'score', or both.");
    }
}

/// <summary>The ministry's numbers for a snapshot revision: where they come from and, per index, the appraised and final value and score.</summary>
/// <param name="Source">Where they come from, e.g. the ministry's decision announcing the year's DTI.</param>
/// <param name="Figures">One item per index of the snapshot given figures; an index left out has none.</param>
public sealed record MinistryFiguresInput(string? Source, IReadOnlyList<MinistryFigureInput>? Figures);

/// <param name="Code">The index, as the snapshot names it.</param>
/// <param name="AppraisedValue">The value the ministry's council appraised (thẩm định), on the [0, 1] scale.</param>
/// <param name="AppraisedScore">The appraised points, not above the index's max points.</param>
/// <param name="FinalValue">The final value (đạt được), on the [0, 1] scale.</param>
/// <param name="FinalScore">The final points, not above the index's max points.</param>
public sealed record MinistryFigureInput(string? Code, decimal? AppraisedValue, decimal? AppraisedScore, decimal? FinalValue, decimal? FinalScore);

public sealed class MinistryFiguresInputValidator : AbstractValidator<MinistryFiguresInput>
{
    public MinistryFiguresInputValidator()
    {
        RuleFor(i => i.Source).NotEmpty().SingleLine(SelfAssessmentLimits.SourceMaxLength);
        RuleFor(i => i.Figures).NotEmpty().MaxItems(SelfAssessmentLimits.MaxFigures);
        RuleForEach(i => i.Figures).NoNullItems().SetValidator(new MinistryFigureInputValidator());
    }
}

public sealed class MinistryFigureInputValidator : AbstractValidator<MinistryFigureInput>
{
    public MinistryFigureInputValidator()
    {
        RuleFor(f => f.Code).NotEmpty().SingleLine(FrameworkLimits.IndexCodeMaxLength).Matches(FrameworkLimits.IndexCodePattern);
        RuleFor(f => f.AppraisedValue).InclusiveBetween(0m, 1m);
        RuleFor(f => f.AppraisedScore).InclusiveBetween(0m, FrameworkLimits.MaxIndexPoints);
        RuleFor(f => f.FinalValue).InclusiveBetween(0m, 1m);
        RuleFor(f => f.FinalScore).InclusiveBetween(0m, FrameworkLimits.MaxIndexPoints);
    }
}
