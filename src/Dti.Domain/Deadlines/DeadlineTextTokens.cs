using System.Globalization;
using System.Text;

namespace Dti.Domain.Deadlines;

/// <summary>A word of deadline wording: folded for matching, with where it stands in the NFC text.</summary>
internal readonly record struct Token(string Text, int From, int To);

/// <summary>
/// Splits deadline wording into words folded for matching: NFC, lower case, Vietnamese letters without their
/// marks ("hằng" and "hang" are the same word, so text typed without diacritics reads the same), brackets and
/// punctuation dropped. "20/12", "20-12", "17:00" and "half-yearly" stay one word.
/// </summary>
internal static class DeadlineTextTokens
{
    /// <summary>The words of <paramref name="text"/>, which must already be in NFC (positions refer to it).</summary>
    public static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (IsSeparator(text, i, c))
            {
                if (word.Length > 0)
                {
                    AddWord(tokens, word.ToString(), start, i);
                    word.Clear();
                }

                start = -1;
                continue;
            }

            var folded = Fold(c);
            if (folded == '\0')
            {
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            word.Append(folded);
        }

        return tokens;
    }

    /// <summary>A letter lower-cased and without its Vietnamese marks; '\0' for a lone combining mark.</summary>
    private static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        if (c == 'đ')
        {
            return 'd';
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return '\0';
        }

        return c < 128 ? c : c.ToString().Normalize(NormalizationForm.FormD)[0];
    }

    /// <summary>'.' and ':' separate words except between digits (20.12, 17:00); '/' and '-' never do.</summary>
    private static bool IsSeparator(string text, int i, char c) => c switch
    {
        '.' or ':' => !(i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
        '/' or '-' or '&' or '_' => false,
        _ => !char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark,
    };

    /// <summary>Adds a word without leading or trailing dashes and slashes ("– trước" is "trước").</summary>
    private static void AddWord(List<Token> tokens, string word, int from, int to)
    {
        var trimmedStart = word.Length - word.TrimStart('-', '/').Length;
        var trimmed = word.Trim('-', '/');
        if (trimmed.Length > 0)
        {
            tokens.Add(new Token(trimmed, from + trimmedStart, to));
        }
    }
}
