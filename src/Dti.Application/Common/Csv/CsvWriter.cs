using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Application.Common.Csv;

/// <summary>A CSV download: its file name (Vietnamese kept; the endpoint adds an ASCII fallback) and its bytes.</summary>
/// <param name="FileName">The attachment's name, e.g. <c>tuan-thu-2026.csv</c>.</param>
/// <param name="Content">UTF-8 with a byte-order mark, CRLF line ends (see <see cref="CsvWriter"/>).</param>
public sealed record CsvFile(string FileName, byte[] Content)
{
    /// <summary>SHA-256 of the bytes, lower-case hex: the download's strong ETag.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>
/// Writes CSV that a spreadsheet opens with Vietnamese intact: UTF-8 with a byte-order mark (Excel reads a file
/// without one in the local code page), text in Unicode NFC (a name typed with combining marks matches the same name
/// precomposed, in a filter or a lookup), RFC 4180 quoting, CRLF line ends, numbers in the invariant culture. A text cell
/// that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>@</c>, a tab, or <c>-</c> not
/// followed by a digit) gets a leading apostrophe (OWASP "CSV injection").
/// </summary>
public static class CsvWriter
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRecord(text, header);
        foreach (var row in rows)
        {
            AppendRecord(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A number as a cell: invariant culture, no grouping, null as an empty cell.</summary>
    public static string? Cell(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A number at a fixed scale (<c>0.9000</c>, <c>150.00</c>): the same text whichever database it came from (SQLite
    /// does not keep a decimal's trailing zeros), invariant culture, null as an empty cell.
    /// </summary>
    public static string? Cell(decimal? value, int decimals) =>
        value?.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Cell(decimal?)"/>
    public static string? Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as a cell: ISO 8601 (<c>2026-12-20</c>), which spreadsheets recognise in every locale.</summary>
    public static string? Cell(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AppendRecord(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Quote(Defuse(cells[i] is { } cell ? Nfc.Of(cell) : null)));
        }

        text.Append("\r\n");
    }

    private static string? Defuse(string? cell) =>
        cell is { Length: > 0 } && (cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell[0] == '-' && (cell.Length == 1 || !char.IsAsciiDigit(cell[1]))))
            ? "'" + cell
            : cell;

    /// <summary>RFC 4180: a field with a comma, quote or line break goes in quotes, quotes doubled.</summary>
    private static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;
}
