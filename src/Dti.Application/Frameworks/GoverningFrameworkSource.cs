using System.Collections.Concurrent;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks;

/// <summary>
/// The framework that governs an assessment year, with its tree, kept in memory between requests: every report's
/// submission and edit checks its entries against it. Correct with any number of API instances on one database: each use
/// first reads the governing framework's id and version (one small query, where reading the tree takes four) and reads the
/// tree again when the copy held is of another version.
/// </summary>
/// <remarks>
/// Every change to a framework goes through the aggregate, which moves its version on, and a published framework no longer
/// changes; a framework created for the year has a new id. A copy is kept under the version it was read with (not the one
/// the first query saw), so a change committed between the two queries is read again on the next use, never hidden. The
/// framework handed out is shared by concurrent requests and is not tracked: callers read it and never change it. At most
/// one copy per framework is held; a province has a framework every few years.
/// </remarks>
public sealed class GoverningFrameworkSource
{
    /// <summary>
    /// The governing framework's id and version, compiled once (this source is a singleton, so it serves one model): read
    /// on every submission and edit of a report, it would otherwise pay EF Core's query-cache lookup each time. The same
    /// predicate as <see cref="FrameworkQueries.Governing"/>, which a compiled query cannot call.
    /// </summary>
    private readonly Func<DbContext, int, IAsyncEnumerable<VersionStamp>> _governing =
        EF.CompileAsyncQuery((DbContext context, int year) => context.Set<Framework>().AsNoTracking()
            .Where(f => f.FirstAssessmentYear <= year && (f.LastAssessmentYear == null || f.LastAssessmentYear >= year))
            .Select(f => new VersionStamp(f.Id, f.Version))
            .Take(2));

    private readonly ConcurrentDictionary<Guid, Framework> _trees = new();

    /// <summary>
    /// The framework governing <paramref name="year"/>; 422 naming <paramref name="field"/> when none does. Checked against
    /// <paramref name="stamps"/> when they were read for that year, else against a stamp read now.
    /// </summary>
    public async Task<Framework> GetAsync(IApplicationDbContext db, int year, string field, CancellationToken cancellationToken, ReferenceStamps? stamps = null)
    {
        var found = stamps?.Year == year ? stamps.Frameworks : await GoverningAsync(db, year, cancellationToken);
        var governing = found.Count switch
        {
            0 => throw FrameworkQueries.NoneGoverns(year, field),
            1 => found[0],
            _ => throw new InvalidOperationException($"More than one framework governs assessment year {year}."),
        };

        if (_trees.TryGetValue(governing.Id, out var held) && held.Version == governing.Version)
        {
            return held;
        }

        var framework = await db.Frameworks.AsNoTracking().WithTree()
            .SingleOrDefaultAsync(f => f.Id == governing.Id, cancellationToken)
            ?? throw FrameworkQueries.NoneGoverns(year, field);
        _trees[framework.Id] = framework;
        return framework;
    }

    private async Task<List<VersionStamp>> GoverningAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken)
    {
        var found = new List<VersionStamp>(1);
        await foreach (var stamp in _governing((DbContext)db, year).WithCancellation(cancellationToken))
        {
            found.Add(stamp);
        }

        return found;
    }
}
