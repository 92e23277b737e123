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
