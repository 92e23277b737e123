using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace Dti.Application.Common.Validation;

/// <summary>
/// How many items a list may hold. A <c>Must(…)</c> lambda cannot be read back, so counts are stated with this
/// validator and the OpenAPI document turns it into <c>minItems</c>/<c>maxItems</c>.
/// </summary>
public interface IItemCountValidator : IPropertyValidator
{
    int Min { get; }

    int Max { get; }
}

public sealed class ItemCountValidator<T, TCollection>(int min, int max) : PropertyValidator<T, TCollection>, IItemCountValidator
    where TCollection : IEnumerable?
{
    public int Min { get; } = min;

    public int Max { get; } = max;

    public override string Name => "ItemCountValidator";

    /// <summary>A missing list is left to <c>NotNull()</c>; counting stops one past the maximum, so a huge list costs no more than a long one.</summary>
    public override bool IsValid(ValidationContext<T> context, TCollection value)
    {
        if (value is null)
        {
            return true;
        }

        var count = 0;
        foreach (var _ in value)
        {
            if (++count > Max)
            {
                break;
            }
        }

        context.MessageFormatter.AppendArgument("MinItems", Min).AppendArgument("MaxItems", Max);
        return count >= Min && count <= Max;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        Min == 0 ? "'{PropertyName}' may hold at most {MaxItems} items." : "'{PropertyName}' must hold {MinItems} to {MaxItems} items.";
}

public static class ItemCountRules
{
    /// <summary>At most <paramref name="max"/> items (a null list passes; pair with <c>NotNull()</c> when the list is required).</summary>
    public static IRuleBuilderOptions<T, TCollection> MaxItems<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max)
        where TCollection : IEnumerable? =>
        rule.SetValidator(new ItemCountValidator<T, TCollection>(0, max));
}
