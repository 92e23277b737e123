using FluentValidation;
using FluentValidation.Validators;

namespace Dti.Application.Common.Validation;

/// <summary>
/// A text value that must be one of a fixed list (sort keys). Stated with this validator rather than a
/// <c>Must(…)</c> lambda so the OpenAPI document can list the values as an <c>enum</c>.
/// </summary>
public interface IAllowedValuesValidator : IPropertyValidator
{
    IReadOnlyList<string> Values { get; }
}

public sealed class AllowedValuesValidator<T>(IReadOnlyList<string> values) : PropertyValidator<T, string?>, IAllowedValuesValidator
{
    public IReadOnlyList<string> Values { get; } = values;

    public override string Name => "AllowedValuesValidator";

    /// <summary>A missing value is left to <c>NotNull()</c>; values compare exactly (ordinal).</summary>
    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        context.MessageFormatter.AppendArgument("AllowedValues", string.Join(", ", Values));
        return value is null || Values.Contains(value, StringComparer.Ordinal);
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' must be one of: {AllowedValues}.";
}

public static class AllowedValuesRules
{
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values) =>
        rule.SetValidator(new AllowedValuesValidator<T>(values));
}
