namespace Dti.Domain.Common;

/// <summary>Argument checks shared by the domain's factory methods.</summary>
public static class Guard
{
    /// <summary>Trims, NFC-normalises and length-checks a required text value.</summary>
    public static string Text(string? value, string field, int maxLength)
    {
        var text = OptionalText(value, field, maxLength);
        if (text is null)
        {
            throw new DomainException("required", $"'{field}' is required.", field);
        }

        return text;
    }

    /// <summary>Trims, NFC-normalises and length-checks an optional text value; blank becomes null.</summary>
    public static string? OptionalText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Nfc.Of(value.Trim());
        if (text.Length > maxLength)
        {
            throw new DomainException("max-length", $"'{field}' must be at most {maxLength} characters.", field);
        }

        return text;
    }
}
