using Dti.Domain.Results;
using FluentValidation;

namespace Dti.Application.Results;

/// <summary>The shape of a province unit code (<c>QUANG-TRI-2025</c>), stated once for every route that names a unit.</summary>
public static class ResultRules
{
    public static IRuleBuilderOptions<T, string> UnitCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(ResultLimits.UnitCodeMaxLength)
            .Matches(ResultLimits.UnitCodePattern).WithMessage("'{PropertyName}' may contain only upper-case letters, digits and hyphens (e.g. QUANG-TRI-2025).");
}
