using System.Buffers;
using System.Text;

namespace Dti.Domain.Common;

/// <summary>Text in Unicode normalization form C, the form the API stores, compares and writes.</summary>
public static class Nfc
{
    /// <summary>
    /// <paramref name="value"/> in NFC. Text already in NFC — nearly all of it, since the API stores NFC — comes back as
    /// the same instance: text made only of <see cref="IsStable">stable characters</see> (ASCII, Latin, Vietnamese
    /// letters with their tones, dashes, quotes, arrows) is returned at once; anything else is checked, and normalised only
    /// when the check fails, instead of being normalised and compared (what
    /// <see cref="string.Normalize(NormalizationForm)"/> does for any non-ASCII text).
    /// </summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAnyExcept(Stable))
        {
            return value;
        }

        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    private static readonly SearchValues<char> Stable = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsStable)]);

    /// <summary>
    /// Characters that are in NFC wherever they stand in text made only of such characters: none decomposes, none is a
    /// combining mark, and none composes with its neighbour (Unicode NFC_Quick_Check = Yes, combining class 0). The
    /// ranges are below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers), the precomposed
    /// Vietnamese letters U+1EA0–U+1EF9, the dashes, quotes and ellipsis U+2010–U+2027, and the arrows and mathematical
    /// operators U+2190–U+22FF (the deadline explanations' → and −); a test checks every pair.
    /// </summary>
    public static bool IsStable(char c) => c < '\u0300' || c is >= '\u1EA0' and <= '\u1EF9' or >= '\u2010' and <= '\u2027' or >= '\u2190' and <= '\u22FF';
}
