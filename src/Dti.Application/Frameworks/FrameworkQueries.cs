using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks;

internal static class FrameworkQueries
{
    public static IQueryable<Framework> WithTree(this IQueryable<Framework> frameworks) =>
        frameworks.Include(f => f.Pillars).Include(f => f.MainIndices).Include(f => f.ComponentIndices);

    /// <summary>
    /// The frameworks that govern an assessment year (at most one): the query form of <see cref="Framework.Governs"/>,
    /// written once for every handler that looks a framework up by year.
    /// </summary>
    public static IQueryable<Framework> Governing(this IQueryable<Framework> frameworks, int year) =>
        frameworks.Where(f => f.FirstAssessmentYear <= year && (f.LastAssessmentYear == null || f.LastAssessmentYear >= year));

    /// <summary>A plan, report or request for an assessment year no framework governs breaks a rule (422 naming <paramref name="field"/>).</summary>
    public static Domain.Common.DomainException NoneGoverns(int year, string field) =>
        new("plan.no-framework", $"No framework governs assessment year {year.ToString(CultureInfo.InvariantCulture)}.", field);

    /// <summary>Loads a framework with its tree for change, or throws 404.</summary>
    public static async Task<Framework> GetForUpdateAsync(this IApplicationDbContext db, string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.WithTree().SingleOrDefaultAsync(f => f.Code == code, cancellationToken)
            ?? throw new NotFoundException("Framework", code);
        PreconditionFailedException.ThrowIfStale("Framework", code, framework.Version, expectedVersion);

        return framework;
    }

    /// <summary>Two frameworks never govern the same assessment year; the lookup by year depends on it.</summary>
    public static async Task EnsureNoYearOverlapAsync(this IApplicationDbContext db, Guid? exceptId, int first, int? last, CancellationToken cancellationToken)
    {
        var others = await db.Frameworks.AsNoTracking().Where(f => f.Id != exceptId).ToListAsync(cancellationToken);
        var overlapping = others.FirstOrDefault(f => f.OverlapsYears(first, last));
        if (overlapping is not null)
        {
            throw Domain.Common.DomainException.Conflict(
                "framework.years-overlap",
                $"Framework '{overlapping.Code}' already governs assessment years {overlapping.FirstAssessmentYear}–{overlapping.LastAssessmentYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "onward"}; a year is governed by one framework only.",
                "firstAssessmentYear");
        }
    }
}
