using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results.Queries.GetResultHistory;

/// <summary>
/// A unit's value and rank per year with the change from the year before, per pillar and main index where known, and
/// its predecessors' years. A merged unit's year that only its predecessors have main-index values for (DTI 2024 for
/// the 34 provinces) is computed as the mean of theirs and marked Computed.
/// </summary>
public sealed record GetResultHistoryQuery(string Code) : IRequest<ResultHistoryDto>;

public sealed class GetResultHistoryValidator : AbstractValidator<GetResultHistoryQuery>
{
    public GetResultHistoryValidator() =>
        RuleFor(q => q.Code).UnitCode();
}

public sealed class GetResultHistoryHandler(IApplicationDbContext db) : IRequestHandler<GetResultHistoryQuery, ResultHistoryDto>
{
    public async Task<ResultHistoryDto> Handle(GetResultHistoryQuery request, CancellationToken cancellationToken)
    {
        var units = await db.ProvinceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, cancellationToken);
        var unit = units.GetValueOrDefault(request.Code) ?? throw new NotFoundException("Province unit", request.Code);
        var lineage = Lineage(unit.Code, units.Values.ToList());
        var codes = lineage.Select(l => l.Code).ToList();
        var figures = await db.OfficialFigures.AsNoTracking().Where(f => codes.Contains(f.ProvinceCode)).ToListAsync(cancellationToken);
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).Include(f => f.MainIndices).ToListAsync(cancellationToken);
        var fieldSizes = await db.OfficialFigures.Select(f => new { f.Year, f.FieldSize }).Distinct().ToListAsync(cancellationToken);

        var all = figures.Select(f => new Figure(f.Year, f.FieldSize, f.ProvinceCode, f.Kind, f.Code, f.Value, f.Rank, f.Origin, f.Source)).ToList();
        foreach (var merged in lineage.Where(l => l.Predecessors.Count > 0))
        {
            all.AddRange(MeanOfPredecessors(merged, all, frameworks, fieldSizes.Select(s => (s.Year, s.FieldSize)).ToList()));
        }

        var years = all.GroupBy(f => (f.Year, f.FieldSize, f.Province))
            .OrderBy(g => g.Key.Year).ThenByDescending(g => g.Key.Province == unit.Code).ThenBy(g => g.Key.Province, StringComparer.Ordinal).ThenByDescending(g => g.Key.FieldSize)
            .Select(g => Year(g.Key.Year, g.Key.FieldSize, units[g.Key.Province], [.. g], all, frameworks.FirstOrDefault(f => f.Governs(g.Key.Year))))
            .ToList();
        return new ResultHistoryDto(unit.Code, unit.Name, [.. codes.Where(c => c != unit.Code).Order(StringComparer.Ordinal)], years);
    }

    private sealed record Figure(int Year, int FieldSize, string Province, FigureKind Kind, string Code, decimal? Value, int? Rank, FigureOrigin Origin, string? Source);

    private sealed record Unit(string Code, IReadOnlyList<string> Predecessors);

    /// <summary>The unit and every unit that merged into it, at any depth.</summary>
    private static List<Unit> Lineage(string code, List<ProvinceUnit> units)
    {
        var predecessors = units.Where(u => u.SuccessorCode == code).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
        return [new Unit(code, predecessors), .. predecessors.SelectMany(p => Lineage(p, units))];
    }

    /// <summary>
    /// Per year in which every predecessor has a value for a main index and a smaller table than theirs was published
    /// (the 34 of DTI 2024), the merged unit's value is the mean of theirs; its DTI follows from the means and the
    /// framework's points, or, while those points are unpublished (QĐ 405), as the mean of the predecessors' DTI values,
    /// which is the same number because the DTI is a weighted sum of main-index values.
    /// </summary>
    private static IEnumerable<Figure> MeanOfPredecessors(Unit merged, List<Figure> all, List<Framework> frameworks, List<(int Year, int FieldSize)> fields)
    {
        var predecessorFigures = all.Where(f => merged.Predecessors.Contains(f.Province) && f.Value is not null).ToList();
        foreach (var year in predecessorFigures.GroupBy(f => (f.Year, f.FieldSize)))
        {
            var field = fields.Where(s => s.Year == year.Key.Year && s.FieldSize < year.Key.FieldSize).Select(s => (int?)s.FieldSize).Min();
            if (field is null || all.Any(f => f.Province == merged.Code && f.Year == year.Key.Year && f.FieldSize == field && f.Kind != FigureKind.Pillar))
            {
                continue;
            }

            var means = year.Where(f => f.Kind == FigureKind.MainIndex).GroupBy(f => f.Code)
                .Where(g => g.Count() == merged.Predecessors.Count)
                .Select(g => new Figure(year.Key.Year, field.Value, merged.Code, FigureKind.MainIndex, g.Key, DtiScoring.Mean(g.Select(f => f.Value!.Value)), null, FigureOrigin.Computed, $"mean of {string.Join(", ", merged.Predecessors)}"))
                .ToList();
            if (means.Count == 0)
            {
                continue;
            }

            var points = frameworks.FirstOrDefault(f => f.Governs(year.Key.Year))?.MainIndices.Where(m => m.IsScored).ToDictionary(m => m.Code, m => m.MaxPoints);
            var dtis = year.Where(f => f.Kind == FigureKind.Dti).Select(f => f.Value!.Value).ToList();
            decimal? dti = points is not null && points.Count > 0 && points.All(p => p.Value is not null && means.Any(m => m.Code == p.Key))
                ? DtiScoring.Dti(means.Where(m => points.ContainsKey(m.Code)).Select(m => (m.Value!.Value, points[m.Code]!.Value)))
                : dtis.Count == merged.Predecessors.Count ? DtiScoring.Mean(dtis) : null;
            foreach (var mean in means)
            {
                yield return mean;
            }

            if (dti is not null)
            {
                yield return new Figure(year.Key.Year, field.Value, merged.Code, FigureKind.Dti, ResultLimits.DtiCode, dti, null, FigureOrigin.Computed, $"from the mean of {string.Join(", ", merged.Predecessors)}");
            }
        }
    }

    private static YearResultDto Year(int year, int fieldSize, ProvinceUnit unit, List<Figure> figures, List<Figure> all, Framework? framework)
    {
        FigureHistoryDto Change(Figure f)
        {
            var before = all.FirstOrDefault(p => p.Year == year - 1 && p.FieldSize == fieldSize && p.Province == f.Province && p.Kind == f.Kind && p.Code == f.Code);
            var name = f.Kind switch
            {
                FigureKind.Pillar => framework?.Pillars.FirstOrDefault(p => p.Code == f.Code)?.NameVi,
                FigureKind.MainIndex => framework?.MainIndices.FirstOrDefault(m => m.Code == f.Code)?.NameVi,
                _ => null,
            };
            return new FigureHistoryDto(f.Kind, f.Code, name, f.Value, f.Rank, f.Origin, f.Source, before?.Rank - f.Rank, f.Value - before?.Value);
        }

        var dti = figures.Where(f => f.Kind == FigureKind.Dti).Select(Change).FirstOrDefault();
        var pillars = figures.Where(f => f.Kind == FigureKind.Pillar).Select(Change).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var mains = figures.Where(f => f.Kind == FigureKind.MainIndex).Select(Change).OrderBy(m => m.Code.Length).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();
        return new YearResultDto(year, fieldSize, unit.Code, unit.Name, framework?.Code, dti, pillars, mains, Summary(year, fieldSize, unit.Name, dti, [.. pillars, .. mains]));
    }

    /// <summary>"DTI 2022, Quảng Bình: 541.5/1000 points, 46/63, up 15 places on 2021; Chính quyền số rank 46 (up 13 places), …".</summary>
    private static string Summary(int year, int fieldSize, string name, FigureHistoryDto? dti, List<FigureHistoryDto> parts)
    {
        var culture = CultureInfo.InvariantCulture;
        string Move(int? change) => change switch
        {
            null => string.Empty,
            0 => $"unchanged on {year - 1}",
            > 0 => $"up {change} place{(change == 1 ? string.Empty : "s")} on {year - 1}",
            _ => $"down {-change} place{(change == -1 ? string.Empty : "s")} on {year - 1}",
        };
        var head = new List<string>();
        if (dti?.Value is { } value)
        {
            head.Add(string.Create(culture, $"{value * DtiScoring.TotalPoints:0.##}/1000 points{(dti.Origin == FigureOrigin.Computed ? " (computed)" : string.Empty)}"));
        }

        if (dti?.Rank is { } rank)
        {
            head.Add(string.Create(culture, $"{rank}/{fieldSize}"));
        }

        if (Move(dti?.RankChange) is { Length: > 0 } move)
        {
            head.Add(move);
        }

        var details = parts.Where(p => p.Rank is not null).Select(p =>
            string.Create(culture, $"{p.Name ?? p.Code} rank {p.Rank}{(p.RankChange is null ? string.Empty : $" ({Move(p.RankChange).Replace($" on {year - 1}", string.Empty, StringComparison.Ordinal)})")}"));
        var text = $"DTI {year}, {name}: {(head.Count > 0 ? string.Join(", ", head) : "no DTI figure")}";
        return details.Any() ? $"{text}; {string.Join(", ", details)}." : $"{text}.";
    }
}
