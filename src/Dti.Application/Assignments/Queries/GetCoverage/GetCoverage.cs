using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
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

[LimitsOf(typeof(GetCoverageQuery))]
public sealed record CoverageDto(
    int Year,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string FrameworkCode,
    [property: MaxLength(FrameworkLimits.MaxMainIndices)] IReadOnlyList<IndexCoverageDto> Indices,
    [property: MaxLength(FrameworkLimits.MaxMainIndices), ItemLimits(FrameworkLimits.IndexCodeMaxLength, FrameworkLimits.IndexCodePattern)] IReadOnlyList<string> Uncovered);

/// <param name="Code">The scored main index.</param>
/// <param name="NameVi">Its name.</param>
/// <param name="MaxPoints">Its points.</param>
/// <param name="LeadAgencyIds">Its lead agencies, by id: the first <see cref="MaxLeadAgencyIds"/>.</param>
/// <param name="LeadAgencyCount">How many lead agencies it has in all.</param>
[LimitsOf(typeof(MainIndexInput))]
public sealed record IndexCoverageDto(
    string Code,
    string NameVi,
    decimal? MaxPoints,
    [property: MaxLength(IndexCoverageDto.MaxLeadAgencyIds)] IReadOnlyList<Guid> LeadAgencyIds,
    [property: Range(0, int.MaxValue)] int LeadAgencyCount)
{
    /// <summary>One lead per plan; a year has far fewer plans than this, and the list stays bounded if not.</summary>
    public const int MaxLeadAgencyIds = 100;
}

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
            .Governing(year)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Framework for assessment year", year.ToString(CultureInfo.InvariantCulture));
        var plans = db.Plans
            .Where(p => p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year && (p.Status == PlanStatus.Draft || p.Status == PlanStatus.Issued))
            .Select(p => p.Id);
        var leads = await db.IndexAssignments.AsNoTracking().Where(a => plans.Contains(a.PlanId))
            .Select(a => new { a.IndexCode, a.LeadAgencyId }).ToListAsync(cancellationToken);

        var indices = framework.MainIndices.Where(m => m.IsScored).OrderBy(m => m.Order).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m =>
            {
                var leadIds = leads.Where(l => string.Equals(l.IndexCode, m.Code, StringComparison.OrdinalIgnoreCase)).Select(l => l.LeadAgencyId).Distinct().Order().ToList();
                return new IndexCoverageDto(m.Code, m.NameVi, m.MaxPoints, [.. leadIds.Take(IndexCoverageDto.MaxLeadAgencyIds)], leadIds.Count);
            })
            .ToList();
        return new CoverageDto(year, framework.Code, indices, [.. indices.Where(i => i.LeadAgencyCount == 0).Select(i => i.Code)]);
    }
}
