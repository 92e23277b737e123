using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Frameworks;
using FluentValidation;

namespace Dti.Application.Assignments;

/// <summary>The body that assigns an index of the plan's governing framework to a lead agency and cooperators.</summary>
public sealed record AssignmentInput(
    string IndexCode,
    Guid LeadAgencyId,
    IReadOnlyList<Guid>? CooperatingAgencyIds,
    string? ResponsiblePersonName,
    string? ResponsiblePersonTitle,
    decimal? TargetValue,
    decimal? TargetPoints,
    bool IsSample = false)
{
    public AssignmentTerms Terms() => new(ResponsiblePersonName, ResponsiblePersonTitle, TargetValue, TargetPoints, IsSample);
}

/// <summary>The body that changes an assignment's person and targets; holders change through reassignment.</summary>
public sealed record AssignmentTermsInput(string? ResponsiblePersonName, string? ResponsiblePersonTitle, decimal? TargetValue, decimal? TargetPoints, bool IsSample = false)
{
    public AssignmentTerms Terms() => new(ResponsiblePersonName, ResponsiblePersonTitle, TargetValue, TargetPoints, IsSample);
}

/// <summary>A new lead and/or new cooperators, and why. Omitted parts stay as they are.</summary>
public sealed record ReassignInput(Guid? LeadAgencyId, IReadOnlyList<Guid>? CooperatingAgencyIds, string Reason);

public sealed class AssignmentInputValidator : AbstractValidator<AssignmentInput>
{
    public AssignmentInputValidator()
    {
        RuleFor(a => a.IndexCode).NotEmpty().IndexCode();
        RuleFor(a => a.LeadAgencyId).NotEmpty();
        RuleFor(a => a.CooperatingAgencyIds).MaxItems(Holders.MaxCooperators)
            .WithMessage($"At most {Holders.MaxCooperators} cooperating agencies.");
        RuleFor(a => a.ResponsiblePersonName).SingleLine(AssignmentLimits.PersonNameMaxLength);
        RuleFor(a => a.ResponsiblePersonTitle).SingleLine(AssignmentLimits.PersonTitleMaxLength);
        RuleFor(a => a.TargetPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints);
    }
}

public sealed class AssignmentTermsInputValidator : AbstractValidator<AssignmentTermsInput>
{
    public AssignmentTermsInputValidator()
    {
        RuleFor(a => a.ResponsiblePersonName).SingleLine(AssignmentLimits.PersonNameMaxLength);
        RuleFor(a => a.ResponsiblePersonTitle).SingleLine(AssignmentLimits.PersonTitleMaxLength);
        RuleFor(a => a.TargetPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints);
    }
}

public sealed class ReassignInputValidator : AbstractValidator<ReassignInput>
{
    public ReassignInputValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MultiLine(AssignmentLimits.ReasonMaxLength);
        RuleFor(r => r.LeadAgencyId).NotEqual(Guid.Empty).When(r => r.LeadAgencyId is not null);
        RuleFor(r => r).Must(r => r.LeadAgencyId is not null || r.CooperatingAgencyIds is not null)
            .WithName("leadAgencyId").OverridePropertyName("leadAgencyId")
            .WithMessage("Give a new 'leadAgencyId', new 'cooperatingAgencyIds', or both.");
        RuleFor(r => r.CooperatingAgencyIds).MaxItems(Holders.MaxCooperators)
            .WithMessage($"At most {Holders.MaxCooperators} cooperating agencies.");
    }
}
