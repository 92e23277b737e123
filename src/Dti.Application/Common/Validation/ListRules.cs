using FluentValidation;

namespace Dti.Application.Common.Validation;

/// <summary>Rules every list of objects or strings in a request body follows.</summary>
public static class ListRules
{
    /// <summary>
    /// <c>[null]</c> is a 400 naming the item (<c>entries[0]</c>). Put it first in <c>RuleForEach</c>: rule-level cascade is
    /// Stop (set in <c>AddApplication</c>), so the item's own rules — and the handler — never see the null.
    /// </summary>
    public static IRuleBuilderOptions<T, TItem> NoNullItems<T, TItem>(this IRuleBuilderInitialCollection<T, TItem> rule) =>
        rule.NotNull().WithMessage("Item {CollectionIndex} of '{PropertyName}' is null; lists may not contain null items.");
}
