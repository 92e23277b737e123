using System.Globalization;

namespace Dti.Domain.Frameworks;

/// <summary>Index codes in reading order: "2" before "10", "7.2" before "7.10" (numeric parts compare as numbers).</summary>
public sealed class IndexCodeOrder : IComparer<string>
{
    public static readonly IndexCodeOrder Instance = new();

    private IndexCodeOrder()
    {
    }

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('.');
        var b = (y ?? string.Empty).Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
