using Dti.Application.Common.Interfaces;
using Dti.Domain.Common;
using Dti.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results;

/// <summary>
/// Stores parsed official figures: each row adds its figure or revises the one with the same year, field size, province,
/// kind and code, so importing a file again changes nothing. Every problem is reported at once, by line and column, and
/// nothing is stored then.
/// </summary>
public static class OfficialResultsImport
{
    public static async Task<ImportSummaryDto> ApplyAsync(IApplicationDbContext db, IReadOnlyList<OfficialFigureRow> rows, CancellationToken cancellationToken)
    {
        var units = (await db.ProvinceUnits.Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).Include(f => f.MainIndices).ToListAsync(cancellationToken);
        var existing = (await db.OfficialFigures.Where(f => years.Contains(f.Year)).ToListAsync(cancellationToken))
            .ToDictionary(Key);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new Dictionary<(int, int, string, FigureKind, string), int>();
        var (added, updated, unchanged) = (0, 0, 0);
        foreach (var row in rows)
        {
            var province = row.Province.Trim().ToUpperInvariant();
            if (province != ResultLimits.AverageSubject && !units.Contains(province))
            {
                problems[$"lines[{row.Line}].province"] = [$"Line {row.Line}, column 'province': '{row.Province}' is not a province unit code (GET /api/v1/province-units) nor {ResultLimits.AverageSubject}."];
                continue;
            }

            var framework = frameworks.FirstOrDefault(f => f.Governs(row.Year));
            var codes = row.Kind switch
            {
                FigureKind.Pillar => framework?.Pillars.Select(p => p.Code),
                FigureKind.MainIndex => framework?.MainIndices.Select(m => m.Code),
                _ => null,
            };
            if (codes is not null && !codes.Contains(row.Code, StringComparer.OrdinalIgnoreCase))
            {
                problems[$"lines[{row.Line}].code"] = [$"Line {row.Line}, column 'code': framework {framework!.Code}, which governs {row.Year}, has no {row.Kind} '{row.Code}'."];
                continue;
            }

            var key = (row.Year, row.FieldSize, province, row.Kind, row.Kind == FigureKind.Dti ? ResultLimits.DtiCode : row.Code);
            if (!seen.TryAdd(key, row.Line))
            {
                problems[$"lines[{row.Line}]"] = [$"Line {row.Line} repeats the figure of line {seen[key]}."];
                continue;
            }

            try
            {
                if (existing.TryGetValue(key, out var figure))
                {
                    _ = figure.Revise(row.Value, row.Rank, row.Origin, row.Source) ? updated++ : unchanged++;
                }
                else
                {
                    db.OfficialFigures.Add(OfficialFigure.Create(row.Year, row.FieldSize, province, row.Kind, row.Code, row.Value, row.Rank, row.Origin, row.Source));
                    added++;
                }
            }
            catch (DomainException ex)
            {
                problems[$"lines[{row.Line}].{ex.Field ?? "value"}"] = [$"Line {row.Line}, column '{ex.Field}': {ex.Message}"];
            }
        }

        if (problems.Count > 0)
        {
            throw OfficialResultsCsv.Unprocessable(problems);
        }

        return new ImportSummaryDto(added, updated, unchanged);
    }

    private static (int, int, string, FigureKind, string) Key(OfficialFigure f) => (f.Year, f.FieldSize, f.ProvinceCode, f.Kind, f.Code);
}
