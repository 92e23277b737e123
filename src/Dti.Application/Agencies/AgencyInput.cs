using Dti.Domain.Agencies;
using FluentValidation;
using Dti.Application.Common.Validation;

namespace Dti.Application.Agencies;

/// <summary>The body that creates or replaces an agency.</summary>
public sealed record AgencyInput(
    string Code,
    string FullName,
    string ShortName,
    AgencyKind? Kind,
    Guid? ParentId,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    bool IsSample = false)
{
    public AgencySpec ToSpec() => new(Code, FullName, ShortName, Kind!.Value, ParentId, ValidFrom!.Value, ValidTo, IsSample);
}

public sealed class AgencyInputValidator : AbstractValidator<AgencyInput>
{
    public AgencyInputValidator()
    {
        RuleFor(a => a.Code).NotEmpty().MaximumLength(AgencyLimits.CodeMaxLength)
            .Matches(AgencyLimits.CodePattern).WithMessage("'code' must be an electronic identifier like 000.00.31.H50 (QĐ 20/2020/QĐ-TTg).");
        RuleFor(a => a.FullName).NotEmpty().SingleLine(AgencyLimits.FullNameMaxLength);
        RuleFor(a => a.ShortName).NotEmpty().SingleLine(AgencyLimits.ShortNameMaxLength);
        RuleFor(a => a.Kind).NotNull().IsDefinedEnum();
        RuleFor(a => a.ValidFrom).NotNull();
    }
}
