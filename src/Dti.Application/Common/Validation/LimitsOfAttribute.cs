namespace Dti.Application.Common.Validation;

/// <summary>
/// Says that a DTO's properties hold values that passed <see cref="InputType"/>'s validator under the same names,
/// so the API description states that validator's lengths, patterns, ranges and counts for the DTO too.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LimitsOfAttribute(Type inputType) : Attribute
{
    public Type InputType { get; } = inputType;
}
