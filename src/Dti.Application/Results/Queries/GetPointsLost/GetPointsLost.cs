using Dti.Application.Common.Interfaces;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;
using FluentValidation;
using MediatR;

namespace Dti.Application.Results.Queries.GetPointsLost;

/// <summary>
/// For a year: per main index the points achieved (value × max points) and lost (max points × (1 − value)), largest
/// loss first, and the distance in DTI points to the province one place above, to the top ten and to the field average.
/// </summary>
public sealed record GetPointsLostQuery(string Code, int Year, int? FieldSize) : IRequest<PointsLostDto>;

public sealed class GetPointsLostValidator : AbstractValidator<GetPointsLostQuery>
{
    public GetPointsLostValidator()
    {
        RuleFor(q => q.Code).UnitCode();
        RuleFor(q => q.Year).InclusiveBetween(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.FieldSize).InclusiveBetween(1, ResultLimits.MaxFieldSize);
    }
}

public sealed class GetPointsLostHandler(IApplicationDbContext db) : IRequestHandler<GetPointsLostQuery, PointsLostDto>
{
    private const int TopTen = 10;

    public async Task<PointsLostDto> Handle(GetPointsLostQuery request, CancellationToken cancellationToken)
    {
        var table = await db.LoadTableAsync(request.Code, request.Year, request.FieldSize, cancellationToken);
        var scored = table.ScoredIndices();
        var own = table.Of(request.Code).ToList();
        var dti = own.FirstOrDefault(f => f.Kind == FigureKind.Dti);
        var indices = own.Where(f => f.Kind == FigureKind.MainIndex && f.Value is not null && scored.ContainsKey(f.Code))
            .Select(f =>
            {
                var max = scored[f.Code].MaxPoints!.Value;
                return new IndexPointsDto(
                    f.Code, scored[f.Code].NameVi, f.Value!.Value, max,
                    DecimalKind.Points.Round(f.Value.Value * max), DecimalKind.Points.Round(max * (1 - f.Value.Value)), f.Origin);
            })
            .OrderByDescending(i => i.PointsLost).ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();

        var ranked = table.Figures.Where(f => f.Kind == FigureKind.Dti && f.Rank is not null && f.ProvinceCode != request.Code).ToList();
        DistanceDto? Mark(IEnumerable<OfficialFigure> candidates)
        {
            // The lowest-ranked of the candidates; among tied provinces, one whose value is known.
            var mark = candidates.OrderByDescending(f => f.Rank).ThenByDescending(f => f.Value is not null).FirstOrDefault();
            return mark is null ? null : new DistanceDto(mark.ProvinceCode, mark.Rank, mark.Value, Points(mark.Value, dti?.Value));
        }

        var toNext = dti?.Rank is { } rank ? Mark(ranked.Where(f => f.Rank < rank)) : null;
        var toTopTen = dti?.Rank is <= TopTen ? new DistanceDto(null, dti.Rank, dti.Value, 0m) : Mark(ranked.Where(f => f.Rank <= TopTen));
        var average = table.Of(ResultLimits.AverageSubject).FirstOrDefault(f => f.Kind == FigureKind.Dti);
        var toAverage = average is null ? null : new DistanceDto(null, null, average.Value, Points(average.Value, dti?.Value));
        return new PointsLostDto(table.Year, table.FieldSize, request.Code, table.Framework.Code, dti?.Value, dti?.Rank, indices, toNext, toTopTen, toAverage);
    }

    /// <summary>How many DTI points (of 1,000) separate a value from the mark; negative when the province is above it.</summary>
    private static decimal? Points(decimal? mark, decimal? own) =>
        mark is { } m && own is { } o ? DecimalKind.Points.Round((m - o) * DtiScoring.TotalPoints) : null;
}
