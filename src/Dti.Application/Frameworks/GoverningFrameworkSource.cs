using System.Collections.Concurrent;
using Dti.Application.Common.Interfaces;
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
    private readonly ConcurrentDictionary<Guid, Framework> _trees = new();

    /// <summary>The framework governing <paramref name="year"/>; 422 naming <paramref name="field"/> when none does.</summary>
    public async Task<Framework> GetAsync(IApplicationDbContext db, int year, string field, CancellationToken cancellationToken)
    {
        var governing = await db.Frameworks.AsNoTracking().Governing(year)
            .Select(f => new { f.Id, f.Version })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw FrameworkQueries.NoneGoverns(year, field);
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
}
