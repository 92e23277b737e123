using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results;

/// <summary>One year's table as the points-lost and what-if queries read it: every figure of it and the governing framework.</summary>
internal sealed record ResultTable(int Year, int FieldSize, Framework Framework, IReadOnlyList<OfficialFigure> Figures)
{
    public IEnumerable<OfficialFigure> Of(string province) => Figures.Where(f => f.ProvinceCode == province);

    /// <summary>Every other province's DTI rank and value: what a hypothetical value is ranked among.</summary>
    public IReadOnlyList<(int Rank, decimal? Value)> OthersThan(string province) =>
        [.. Figures.Where(f => f.Kind == FigureKind.Dti && f.Rank is not null && f.ProvinceCode != province).Select(f => (f.Rank!.Value, f.Value))];

    /// <summary>The scored main indices with published max points, by code.</summary>
    public Dictionary<string, MainIndex> ScoredIndices() =>
        Framework.MainIndices.Where(m => m.IsScored && m.MaxPoints is not null).ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
}

internal static class ResultTableQueries
{
    /// <summary>Loads a province's year: 404 when the unit, the table or the province's figures in it are missing, or no framework governs the year.</summary>
    public static async Task<ResultTable> LoadTableAsync(this IApplicationDbContext db, string province, int year, int? fieldSize, CancellationToken cancellationToken)
    {
        if (!await db.ProvinceUnits.AnyAsync(u => u.Code == province, cancellationToken))
        {
            throw new NotFoundException("Province unit", province);
        }

        var size = fieldSize
            ?? await db.OfficialFigures.Where(f => f.Year == year && f.ProvinceCode == province).MaxAsync(f => (int?)f.FieldSize, cancellationToken)
            ?? throw new NotFoundException($"Official results of {province} in year", $"{year}");
        var figures = await db.OfficialFigures.AsNoTracking().Where(f => f.Year == year && f.FieldSize == size).ToListAsync(cancellationToken);
        if (!figures.Any(f => f.ProvinceCode == province))
        {
            throw new NotFoundException($"Official results of {province} in year", $"{year} (field of {size})");
        }

        var framework = await db.Frameworks.AsNoTracking().Include(f => f.MainIndices)
            .Governing(year)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Framework for assessment year", $"{year}");
        return new ResultTable(year, size, framework, figures);
    }
}
