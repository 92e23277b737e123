using FluentValidation;
using FluentValidation.Validators;

namespace Dti.Application.Common.Validation;

/// <summary>
/// An enum value must be one of the enum's named members, as FluentValidation's <c>IsInEnum()</c> checks, with its
/// message and name. <c>IsInEnum()</c> looks the enum's <see cref="FlagsAttribute"/> up by reflection on every value it
/// checks (0.7 % of the API's CPU under progress reports); none of Dti.Api's enums has flags, and
/// <see cref="Enum.IsDefined{TEnum}(TEnum)"/> reads the runtime's cached list of members.
/// </summary>
public sealed class DefinedEnumValidator<T, TEnum> : PropertyValidator<T, TEnum>
    where TEnum : struct, Enum
{
    public override string Name => "EnumValidator";

    public override bool IsValid(ValidationContext<T> context, TEnum value) => Enum.IsDefined(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => Message;

    internal const string Message = "'{PropertyName}' has a range of values which does not include '{PropertyValue}'.";
}

/// <summary>The nullable form: a missing value is left to <c>NotNull()</c>.</summary>
public sealed class DefinedNullableEnumValidator<T, TEnum> : PropertyValidator<T, TEnum?>
    where TEnum : struct, Enum
{
    public override string Name => "EnumValidator";

    public override bool IsValid(ValidationContext<T> context, TEnum? value) => value is not { } present || Enum.IsDefined(present);

    protected override string GetDefaultMessageTemplate(string errorCode) => DefinedEnumValidator<T, TEnum>.Message;
}

public static class EnumRules
{
    /// <summary>The value is a named member of <typeparamref name="TEnum"/>.</summary>
    public static IRuleBuilderOptions<T, TEnum> IsDefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.SetValidator(new DefinedEnumValidator<T, TEnum>());

    /// <summary>The value, when present, is a named member of <typeparamref name="TEnum"/>.</summary>
    public static IRuleBuilderOptions<T, TEnum?> IsDefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum =>
        rule.SetValidator(new DefinedNullableEnumValidator<T, TEnum>());
}
