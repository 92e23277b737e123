namespace Dti.Application.Common.Validation;

/// <summary>
/// The limits of each text item of a list the API returns (reasons, steps, index codes): what
/// <c>[MaxLength]</c> and <c>[RegularExpression]</c> say of a single text, for every item.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ItemLimitsAttribute(int maxLength, string pattern) : Attribute
{
    public int MaxLength { get; } = maxLength;

    public string Pattern { get; } = pattern;
}
