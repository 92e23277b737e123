using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace Dti.Api.OpenApi;

/// <summary>
/// Reads the application's FluentValidation validators — the rules the server enforces — as JSON Schema keywords,
/// so the API description states the same limits from the same definitions. Only unconditional rules are stated:
/// a rule under <c>When(…)</c> holds for some requests only, and the operation's description explains it.
/// </summary>
internal sealed class ValidatorRules(IServiceProvider services)
{
    /// <summary>The validator the application registered for <paramref name="type"/>, if any.</summary>
    public IValidator? For(Type type) =>
        type.IsGenericTypeDefinition ? null : services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator;

    /// <summary>
    /// The rules of the validator registered for <paramref name="type"/> by the JSON name of the property they check. A nested validator whose
    /// errors are reported at the top level (paging: <c>OverridePropertyName(string.Empty)</c>) contributes its own
    /// rules, because its members bind as parameters of their own.
    /// </summary>
    public ILookup<string, IValidationRule> ByJsonName(Type type) =>
        (For(type) is { } validator ? Flatten(validator, type) : []).ToLookup(rule => JsonNamingPolicy.CamelCase.ConvertName(rule.PropertyName), StringComparer.Ordinal);

    /// <summary>True when the rule makes the value required and non-null (<c>NotNull()</c> or <c>NotEmpty()</c>, unconditionally).</summary>
    public static bool Requires(IValidationRule rule) =>
        !IsCollectionRule(rule) && Unconditional(rule).Any(c => c.Validator is INotNullValidator or INotEmptyValidator);

    /// <summary>
    /// Writes the rule's limits into <paramref name="schema"/> — the property's own schema, or its items' schema for
    /// <c>RuleForEach</c> — as lengths, pattern, range, item counts or allowed values.
    /// </summary>
    public static void Apply(IValidationRule rule, OpenApiSchema schema)
    {
        if (IsCollectionRule(rule))
        {
            if (schema.Items is not OpenApiSchema items)
            {
                return;
            }

            schema = items;
        }

        foreach (var component in Unconditional(rule))
        {
            switch (component.Validator)
            {
                case INotEmptyValidator when schema.Type?.HasFlag(JsonSchemaType.Array) == true:
                    schema.MinItems = Math.Max(schema.MinItems ?? 0, 1);
                    break;
                case INotEmptyValidator when schema.Type?.HasFlag(JsonSchemaType.String) == true && schema.Format is null:
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
                    break;
                case ILengthValidator length:
                    schema.MaxLength = length.Max > 0 ? length.Max : schema.MaxLength;
                    schema.MinLength = length.Min > 0 ? length.Min : schema.MinLength;
                    break;
                case IRegularExpressionValidator regex:
                    schema.Pattern = regex.Expression;
                    break;
                case IInclusiveBetweenValidator between:
                    schema.Minimum = Number(between.From);
                    schema.Maximum = Number(between.To);
                    break;
                case IComparisonValidator { ValueToCompare: { } value, Comparison: Comparison.GreaterThanOrEqual }:
                    schema.Minimum = Number(value);
                    break;
                case IComparisonValidator { ValueToCompare: { } value, Comparison: Comparison.LessThanOrEqual }:
                    schema.Maximum = Number(value);
                    break;
                case IItemCountValidator count:
                    schema.MinItems = count.Min > 0 ? count.Min : schema.MinItems;
                    schema.MaxItems = count.Max;
                    break;
                case IAllowedValuesValidator allowed:
                    schema.Enum = [.. allowed.Values.Select(value => (JsonNode)JsonValue.Create(value))];
                    break;
            }
        }
    }

    private IEnumerable<IValidationRule> Flatten(IValidator validator, Type validatedType)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            if (!string.IsNullOrEmpty(rule.PropertyName))
            {
                yield return rule;
            }
            else if (rule.TypeToValidate != validatedType && rule.Components.Any(c => c.Validator is IChildValidatorAdaptor) && For(rule.TypeToValidate) is { } nested)
            {
                foreach (var nestedRule in Flatten(nested, rule.TypeToValidate))
                {
                    yield return nestedRule;
                }
            }
        }
    }

    private static IEnumerable<FluentValidation.Internal.IRuleComponent> Unconditional(IValidationRule rule) =>
        rule.HasCondition || rule.HasAsyncCondition ? [] : rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition);

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static string? Number(object value) => Convert.ToString(value, CultureInfo.InvariantCulture);
}
