using System.Text;
using Dti.Application.Common.Validation;

namespace Dti.Application.Common.Csv;

/// <summary>
/// A CSV document read per RFC 4180: comma-separated, fields optionally in double quotes, a doubled quote
/// inside quotes is a literal quote, quoted fields may span lines. The first record is the header.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>The value of <paramref name="column"/> (case-insensitive) in a row, or null when the column is absent or the cell empty.</summary>
    public string? Cell(IReadOnlyList<string> row, string column)
    {
        var index = Header.ToList().FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index < 0 || index >= row.Count || string.IsNullOrWhiteSpace(row[index]) ? null : row[index].Trim();
    }

    /// <summary>
    /// Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the line of an unterminated quote or of a
    /// character <see cref="TextRules"/> forbids.
    /// </summary>
    public static CsvTable Parse(string text)
    {
        if (TextRules.IndexOfForbidden(text) is >= 0 and var forbidden)
        {
            var forbiddenLine = text.AsSpan(0, forbidden).Count('\n') + 1;
            throw new FormatException($"Line {forbiddenLine}: {TextRules.Describe(text, forbidden)}");
        }

        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    record.Add(field.ToString());
                    field.Clear();
                    AddRecord(records, record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"A quoted field opened on line {quoteLine} is never closed.");
        }

        record.Add(field.ToString());
        AddRecord(records, record);
        return records.Count == 0
            ? new CsvTable([], [])
            : new CsvTable([.. records[0].Select(h => h.Trim().TrimStart('\uFEFF'))], records.Skip(1).ToList<IReadOnlyList<string>>());
    }

    private static void AddRecord(List<List<string>> records, List<string> record)
    {
        if (record.Count > 1 || record[0].Length > 0)
        {
            records.Add(record);
        }
    }
}
