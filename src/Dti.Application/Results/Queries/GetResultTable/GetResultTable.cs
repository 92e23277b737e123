using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results.Queries.GetResultTable;

/// <summary>
/// A year's official table: every province with a figure that year, by DTI rank (ties share a rank; the unranked last),
/// with the field average. Without <c>fieldSize</c>, the larger table (DTI 2024 has one of 63 and one of 34).
/// </summary>
public sealed record GetResultTableQuery(int Year, int? FieldSize) : IRequest<ResultTableDto>;

public sealed class GetResultTableValidator : AbstractValidator<GetResultTableQuery>
{
    public GetResultTableValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.FieldSize).InclusiveBetween(1, ResultLimits.MaxFieldSize);
    }
}

public sealed class GetResultTableHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetResultTableQuery, ResultTableDto>
{
    public async Task<ResultTableDto> Handle(GetResultTableQuery request, CancellationToken cancellationToken)
    {
        var fieldSize = request.FieldSize
            ?? await db.OfficialFigures.Where(f => f.Year == request.Year).MaxAsync(f => (int?)f.FieldSize, cancellationToken)
            ?? throw new NotFoundException("Official results of year", $"{request.Year}");
        var figures = await db.OfficialFigures.AsNoTracking()
            .Where(f => f.Year == request.Year && f.FieldSize == fieldSize)
            .OrderBy(f => f.ProvinceCode).ThenBy(f => f.Kind).ThenBy(f => f.Code)
            .ToListAsync(cancellationToken);
        if (figures.Count == 0)
        {
            throw new NotFoundException("Official results of year", $"{request.Year} (field of {fieldSize})");
        }

        var names = await db.ProvinceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var framework = await db.Frameworks.AsNoTracking().Governing(request.Year).Select(f => f.Code).SingleOrDefaultAsync(cancellationToken);
        var rows = figures.Where(f => f.ProvinceCode != ResultLimits.AverageSubject).GroupBy(f => f.ProvinceCode)
            .Select(g =>
            {
                var dti = g.FirstOrDefault(f => f.Kind == FigureKind.Dti);
                return new ResultRowDto(g.Key, names.GetValueOrDefault(g.Key), dti?.Value, dti?.Rank, dti?.Origin ?? FigureOrigin.Published, [.. g.Select(f => f.Adapt<OfficialFigureDto>(config))]);
            })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.DtiValue).ThenBy(r => r.ProvinceCode, StringComparer.Ordinal)
            .ToList();
        var average = figures.Where(f => f.ProvinceCode == ResultLimits.AverageSubject).Select(f => f.Adapt<OfficialFigureDto>(config)).ToList();
        return new ResultTableDto(request.Year, fieldSize, framework, rows, average);
    }
}
