using System.Globalization;
using System.Text;

namespace Dti.Domain.Common;

/// <summary>
/// Folds Vietnamese text for accent- and case-insensitive search: "Sở Khoa học" → "so khoa hoc".
/// Diacritics are removed after canonical decomposition; đ/Đ, which is a letter of its own and does not decompose, becomes d.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
