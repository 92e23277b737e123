using System.Globalization;
using Dti.Application.Common.Csv;
using Dti.Domain.Common;
using Dti.Domain.Results;

namespace Dti.Application.Results;

/// <summary>One row of an official-results CSV, as read.</summary>
public sealed record OfficialFigureRow(int Line, int Year, int FieldSize, string Province, FigureKind Kind, string Code, decimal? Value, int? Rank, FigureOrigin Origin, string? Source);

/// <summary>
/// Reads the official-results CSV (UTF-8, header row, one figure per row): year, fieldSize, province, kind, code, value,
/// rank, origin, source. A bad cell is a 422 naming its line and column (<c>lines[5].rank</c>), every bad cell at once.
/// </summary>
public static class OfficialResultsCsv
{
    public static readonly string[] Columns = ["year", "fieldSize", "province", "kind", "code", "value", "rank", "origin", "source"];

    private static readonly string[] Required = ["year", "fieldSize", "province", "kind", "origin"];

    public static IReadOnlyList<OfficialFigureRow> Parse(string text)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Parse(text.TrimStart('\uFEFF'));
        }
        catch (FormatException ex)
        {
            throw Unprocessable(new() { ["csv"] = [ex.Message] });
        }

        var missing = Required.Where(c => !table.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var extra = table.Header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw Unprocessable(new()
            {
                ["lines[1]"] = [$"The header needs {string.Join(", ", Required)} and may add {string.Join(", ", Columns.Except(Required))}; missing: {string.Join(", ", missing)}; unknown: {string.Join(", ", extra)}."],
            });
        }

        if (table.Rows.Count is 0 or > ResultLimits.MaxImportRows)
        {
            throw Unprocessable(new() { ["csv"] = [$"The CSV needs between 1 and {ResultLimits.MaxImportRows} rows after the header; it has {table.Rows.Count}."] });
        }

        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rows = new List<OfficialFigureRow>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i];
            var line = i + 2;
            T Read<T>(string column, Func<string, T?> convert, string expected, bool required)
                where T : struct
            {
                var raw = table.Cell(cells, column);
                if (raw is null)
                {
                    if (required)
                    {
                        problems[$"lines[{line}].{column}"] = [$"Line {line}, column '{column}': a value is required."];
                    }

                    return default;
                }

                var value = convert(raw);
                if (value is null)
                {
                    problems[$"lines[{line}].{column}"] = [$"Line {line}, column '{column}': '{raw}' is not {expected}."];
                }

                return value ?? default;
            }

            var year = Read("year", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a year", true);
            var fieldSize = Read("fieldSize", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a number of units", true);
            var kind = Read("kind", s => Enum.TryParse<FigureKind>(s, true, out var v) && Enum.IsDefined(v) ? v : (FigureKind?)null, "one of Dti, Pillar, MainIndex", true);
            var origin = Read("origin", s => Enum.TryParse<FigureOrigin>(s, true, out var v) && Enum.IsDefined(v) ? v : (FigureOrigin?)null, "Published or Computed", true);
            var value = table.Cell(cells, "value") is null ? (decimal?)null
                : Read("value", s => decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null, "a value in [0, 1]", false);
            var rank = table.Cell(cells, "rank") is null ? (int?)null
                : Read("rank", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a rank", false);
            var province = table.Cell(cells, "province");
            if (province is null)
            {
                problems[$"lines[{line}].province"] = [$"Line {line}, column 'province': a unit code is required."];
            }

            var code = table.Cell(cells, "code");
            if (kind != FigureKind.Dti && code is null)
            {
                problems[$"lines[{line}].code"] = [$"Line {line}, column 'code': a {kind} figure names its pillar or main-index code."];
            }

            rows.Add(new OfficialFigureRow(line, year, fieldSize, province ?? string.Empty, kind, code ?? ResultLimits.DtiCode, value, rank, origin, table.Cell(cells, "source")));
        }

        return problems.Count > 0 ? throw Unprocessable(problems) : rows;
    }

    public static DomainException Unprocessable(Dictionary<string, string[]> problems) =>
        new("results.csv", $"The official-results CSV has {problems.Count} problem(s); each names its line and column.", problems);
}
