using System.Globalization;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Api.Endpoints;

/// <summary>
/// The <c>Content-Disposition</c> of a download that keeps its Vietnamese name: RFC 6266 with the name in
/// <c>filename*</c> as UTF-8, percent-encoded (RFC 8187), which current browsers and HTTP libraries use, and an ASCII
/// <c>filename</c> for the rest — diacritics dropped ("Báo cáo quý 4.pdf" → "Bao cao quy 4.pdf"), đ as d, anything
/// else outside printable ASCII and the quote and backslash as <c>_</c>.
/// </summary>
internal static class Attachments
{
    /// <summary>RFC 8187 attr-char besides letters and digits: what stays unencoded in <c>filename*</c>.</summary>
    private const string AttrCharPunctuation = "!#$&+-.^_`|~";

    public static string ContentDisposition(string fileName) =>
        $"attachment; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{Encode(fileName)}";

    public static string AsciiFallback(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                '"' or '\\' => '_',
                >= ' ' and <= '~' => c,
                _ => '_',
            });
        }

        return builder.ToString();
    }

    private static string Encode(string fileName)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(Nfc.Of(fileName)))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || AttrCharPunctuation.Contains((char)b, StringComparison.Ordinal))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return builder.ToString();
    }
}
