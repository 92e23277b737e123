using FluentValidation;

namespace Dti.Application.Common.Validation;

/// <summary>
/// What free text may contain. Control characters (U+0000 included) are refused: PostgreSQL cannot store U+0000,
/// and none belongs in a name or a note. Text that may run over several lines keeps tabs and line breaks.
/// The API description states these patterns for every text field.
/// </summary>
public static class TextRules
{
    /// <summary>One line: no C0 or C1 control characters.</summary>
    public const string SingleLinePattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

    /// <summary>Several lines: tab, line feed and carriage return allowed; other control characters not.</summary>
    public const string MultiLinePattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength)
            .Matches(SingleLinePattern).WithMessage("'{PropertyName}' must be one line of text without control characters.");

    public static IRuleBuilderOptions<T, string?> MultiLine<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength)
            .Matches(MultiLinePattern).WithMessage("'{PropertyName}' must be text without control characters other than tabs and line breaks.");
}
