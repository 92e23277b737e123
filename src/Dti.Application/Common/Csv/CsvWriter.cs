using System.Text;

namespace Dti.Application.Common.Csv;

/// <summary>
/// Writes a CSV download per RFC 4180 — comma-separated, CRLF line ends, a field with a comma, quote or line break in
/// quotes with quotes doubled — as UTF-8 with a byte-order mark, so that a spreadsheet opens the Vietnamese intact.
/// The one CSV writer of the API: every download goes through it.
/// </summary>
public static class CsvWriter
{
    /// <summary>The header row then one row per item; a null cell is empty.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder().AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;
}
