using Dti.Domain.Frameworks;
using FluentValidation;

namespace Dti.Application.Frameworks;

/// <summary>The shape of framework and index codes, stated once for bodies, routes and query strings.</summary>
public static class FrameworkCodeRules
{
    /// <summary>A required framework code such as <c>QD-922-2022</c>.</summary>
    public static IRuleBuilderOptions<T, string?> FrameworkCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(FrameworkLimits.CodeMaxLength)
            .Matches(FrameworkLimits.CodePattern).WithMessage("'{PropertyName}' may contain only upper-case letters, digits and hyphens (e.g. QD-922-2022).");

    /// <summary>An index or pillar code such as <c>7</c> or <c>7.3</c>; add <c>NotEmpty()</c> where it is required.</summary>
    public static IRuleBuilderOptions<T, string?> IndexCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(FrameworkLimits.IndexCodeMaxLength)
            .Matches(FrameworkLimits.IndexCodePattern).WithMessage("'{PropertyName}' must be dot-separated letters or digits, e.g. 7 or 7.3.");
}
