using System.Globalization;
using Dti.Application.Common.Csv;
using Dti.Domain.Common;
using Dti.Domain.SelfAssessments;

namespace Dti.Application.SelfAssessments;

/// <summary>
/// Reads the ministry's numbers from CSV (UTF-8, header row, one index per row): code, appraisedValue, appraisedScore,
/// finalValue, finalScore, source — the source (its decision) given on at least one row and the same wherever given.
/// A bad cell is a 422 naming its line and column (<c>lines[5].finalValue</c>), every bad cell at once.
/// </summary>
internal static class MinistryFiguresCsv
{
    public static readonly string[] Columns = ["code", "appraisedValue", "appraisedScore", "finalValue", "finalScore", "source"];

    private static readonly string[] Numbers = ["appraisedValue", "appraisedScore", "finalValue", "finalScore"];

    public static (string Source, IReadOnlyList<MinistryFigureEntry> Entries) Parse(string text)
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

        var extra = table.Header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (!table.Header.Contains("code", StringComparer.OrdinalIgnoreCase) || extra.Count > 0)
        {
            throw Unprocessable(new() { ["lines[1]"] = [$"The header needs code and may add {string.Join(", ", Columns.Skip(1))}; unknown: {string.Join(", ", extra)}."] });
        }

        if (table.Rows.Count is 0 or > SelfAssessmentLimits.MaxFigures)
        {
            throw Unprocessable(new() { ["csv"] = [$"The CSV needs between 1 and {SelfAssessmentLimits.MaxFigures} rows after the header; it has {table.Rows.Count}."] });
        }

        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entries = new List<MinistryFigureEntry>();
        string? source = null;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i];
            var line = i + 2;
            var numbers = new decimal?[Numbers.Length];
            for (var n = 0; n < Numbers.Length; n++)
            {
                if (table.Cell(cells, Numbers[n]) is not { } raw)
                {
                    continue;
                }

                if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    numbers[n] = number;
                }
                else
                {
                    problems[$"lines[{line}].{Numbers[n]}"] = [$"Line {line}, column '{Numbers[n]}': '{raw}' is not a number such as 0.7326 or 120.5."];
                }
            }

            if (table.Cell(cells, "source") is { } given)
            {
                if (source is not null && given != source)
                {
                    problems[$"lines[{line}].source"] = [$"Line {line}, column 'source': '{given}' differs from '{source}' given above; one import has one source."];
                }

                source ??= given;
            }

            entries.Add(new MinistryFigureEntry($"lines[{line}]", table.Cell(cells, "code"), numbers[0], numbers[1], numbers[2], numbers[3]));
        }

        if (source is null)
        {
            problems["lines[2].source"] = ["Column 'source' names where the numbers come from (the ministry's decision) on at least one row."];
        }

        return problems.Count > 0 ? throw Unprocessable(problems) : (source!, entries);
    }

    private static DomainException Unprocessable(Dictionary<string, string[]> problems) =>
        new("ministry-figures.csv", $"The ministry's figures CSV has {problems.Count} problem(s); each names its line and column.", problems);
}
