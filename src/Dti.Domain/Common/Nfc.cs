using System.Text;

namespace Dti.Domain.Common;

/// <summary>Text in Unicode normalization form C, the form the API stores, compares and writes.</summary>
public static class Nfc
{
    /// <summary>
    /// <paramref name="value"/> in NFC. Text already in NFC — nearly all of it, since the API stores NFC — comes back as
    /// the same instance after a check, instead of being normalised again and compared (what
    /// <see cref="string.Normalize(NormalizationForm)"/> does for any non-ASCII text).
    /// </summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }
}
