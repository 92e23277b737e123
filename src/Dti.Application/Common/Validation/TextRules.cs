using System.Globalization;
using FluentValidation;

namespace Dti.Application.Common.Validation;

/// <summary>
/// The one rule for every text a client sends — JSON strings, query and route values, CSV cells: no C0 control character
/// except TAB, LF and CR, no DEL (U+007F) and no lone UTF-16 surrogate (<see cref="IndexOfForbidden"/>, applied as the
/// text is read). Without it U+0000 failed differently per database (PostgreSQL refuses it, SQLite stores it). Fields
/// then say whether they are one line (<see cref="SingleLine{T}"/>) or prose (<see cref="MultiLine{T}"/>, tabs and line
/// breaks kept); both also refuse C1 controls, and the API description states these patterns for every text field.
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

    /// <summary>The index of the first character the rule forbids in <paramref name="text"/>, or -1 when there is none.</summary>
    public static int IndexOfForbidden(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F' || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What is wrong with <paramref name="text"/> at <paramref name="index"/>, for a 400's errors.</summary>
    public static string Describe(string text, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"Character U+{(int)text[index]:X4} at position {index + 1} is not allowed: text may contain tabs and line breaks, but no other control characters and no unpaired surrogates.");
}
