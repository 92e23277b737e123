using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.SelfAssessments;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results.Queries.GetSelfVsOfficial;

/// <summary>
/// The year's latest finalised self-assessment revision beside the unit's official figures of that year (the larger table
/// the unit is in unless <c>fieldSize</c> says): per main index and for the DTI, self, official and official − self.
/// 404 <c>self-assessment.not-finalised</c> while no revision of the year is finalised: a draft is never compared.
/// </summary>
public sealed record GetSelfVsOfficialQuery(string Code, int Year, int? FieldSize) : IRequest<SelfVsOfficialDto>;

public sealed class GetSelfVsOfficialValidator : AbstractValidator<GetSelfVsOfficialQuery>
{
    public GetSelfVsOfficialValidator()
    {
        RuleFor(q => q.Code).UnitCode();
        RuleFor(q => q.Year).InclusiveBetween(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.FieldSize).InclusiveBetween(1, ResultLimits.MaxFieldSize);
    }
}

public sealed class GetSelfVsOfficialHandler(IApplicationDbContext db) : IRequestHandler<GetSelfVsOfficialQuery, SelfVsOfficialDto>
{
    public async Task<SelfVsOfficialDto> Handle(GetSelfVsOfficialQuery request, CancellationToken cancellationToken)
    {
        var name = await db.ProvinceUnits.Where(u => u.Code == request.Code).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Province unit", request.Code);
        var snapshot = await db.SelfAssessmentSnapshots.AsNoTracking()
            .Where(s => s.AssessmentYear == request.Year)
            .OrderByDescending(s => s.Revision)
            .Select(s => new { s.Revision, s.Document })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Finalised self-assessment of year", request.Year.ToString(CultureInfo.InvariantCulture), "self-assessment.not-finalised");
        var fieldSize = request.FieldSize
            ?? await db.OfficialFigures.Where(f => f.Year == request.Year && f.ProvinceCode == request.Code).MaxAsync(f => (int?)f.FieldSize, cancellationToken);
        var official = await db.OfficialFigures.AsNoTracking()
            .Where(f => f.Year == request.Year && f.FieldSize == fieldSize && f.ProvinceCode == request.Code && f.Kind != FigureKind.Pillar)
            .ToListAsync(cancellationToken);

        var self = SnapshotDocument.Read(snapshot.Document);
        var dti = official.FirstOrDefault(f => f.Kind == FigureKind.Dti);
        var mains = official.Where(f => f.Kind == FigureKind.MainIndex).ToDictionary(f => f.Code, StringComparer.OrdinalIgnoreCase);
        var indices = self.MainIndices.Select(m =>
        {
            var published = mains.GetValueOrDefault(m.Code);
            return new SelfVsOfficialIndexDto(m.Code, m.NameVi, m.IsScored, m.MaxPoints, m.Value, published?.Value, published?.Rank, published?.Origin, Difference(published?.Value, m.Value));
        }).ToList();
        return new SelfVsOfficialDto(
            request.Year, fieldSize, request.Code, name, self.FrameworkCode, snapshot.Revision, self.Dti, dti?.Value, dti?.Rank, Difference(dti?.Value, self.Dti), indices);
    }

    private static decimal? Difference(decimal? official, decimal? self) =>
        official is { } o && self is { } s ? DecimalKind.IndexValue.Round(o - s) : null;
}
