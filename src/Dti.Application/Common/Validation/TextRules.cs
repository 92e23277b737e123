using System.Globalization;

namespace Dti.Application.Common.Validation;

/// <summary>
/// The one rule for every text a client sends — JSON strings, query and route values, CSV cells: no C0 control character
/// except TAB, LF and CR, no DEL (U+007F) and no lone UTF-16 surrogate. Tabs and line breaks stay allowed because
/// descriptions and notes are prose. Without this rule U+0000 failed differently per database (PostgreSQL refuses it,
/// SQLite stores it), and the other characters are never meaningful in a name, code or sentence.
/// </summary>
public static class TextRules
{
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
