using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments.Queries.GetCoverage;

/// <summary>
/// Which scored main indices of the framework governing a year have a lead agency in some draft or issued plan
/// covering that year, and which have none yet.
/// </summary>
public sealed record GetCoverageQuery(int Year) : IRequest<CoverageDto>;

public sealed record CoverageDto(int Year, string FrameworkCode, IReadOnlyList<IndexCoverageDto> Indices, IReadOnlyList<string> Uncovered);

public sealed record IndexCoverageDto(string Code, string NameVi, decimal? MaxPoints, IReadOnlyList<Guid> LeadAgencyIds);

public sealed class GetCoverageValidator : AbstractValidator<GetCoverageQuery>
{
    public GetCoverageValidator() => RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

public sealed class GetCoverageHandler(IApplicationDbContext db) : IRequestHandler<GetCoverageQuery, CoverageDto>
{
    public async Task<CoverageDto> Handle(GetCoverageQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year;
        var framework = await db.Frameworks.AsNoTracking().WithTree()
            .Where(f => f.FirstAssessmentYear <= year && (f.LastAssessmentYear == null || f.LastAssessmentYear >= year))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Framework for assessment year", year.ToString(CultureInfo.InvariantCulture));
        var plans = db.Plans
            .Where(p => p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year && (p.Status == PlanStatus.Draft || p.Status == PlanStatus.Issued))
            .Select(p => p.Id);
        var leads = await db.IndexAssignments.AsNoTracking().Where(a => plans.Contains(a.PlanId))
            .Select(a => new { a.IndexCode, a.LeadAgencyId }).ToListAsync(cancellationToken);

        var indices = framework.MainIndices.Where(m => m.IsScored).OrderBy(m => m.Order).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new IndexCoverageDto(
                m.Code,
                m.NameVi,
                m.MaxPoints,
                [.. leads.Where(l => string.Equals(l.IndexCode, m.Code, StringComparison.OrdinalIgnoreCase)).Select(l => l.LeadAgencyId).Distinct().Order()]))
            .ToList();
        return new CoverageDto(year, framework.Code, indices, [.. indices.Where(i => i.LeadAgencyIds.Count == 0).Select(i => i.Code)]);
    }
}
