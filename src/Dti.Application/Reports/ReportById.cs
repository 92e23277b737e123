using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports;

/// <summary>
/// A report with its entries (their evidence and sources), its task snapshot and its latest version, tracked by the request's
/// unit of work, read once per request: the agency scope decides who may reach a report from the report itself
/// (<see cref="Common.Security.AgencyScope.Report"/>), and the handler then works on the same tracked report, and the same
/// latest version, instead of reading them again (a statement less on every report read, submission and review, and
/// another on every withdrawal and review, which no longer read the version on its own). Scoped, as the unit of work is;
/// its queries are compiled once per model (<see cref="CompiledPerModel{TQuery}"/>).
/// </summary>
public sealed class ReportById(IApplicationDbContext db)
{
    private readonly Dictionary<Guid, Read?> _read = [];

    /// <summary>The report, tracked by the request's unit of work, or null; read from the database on first use only.</summary>
    public async Task<Report?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(id, out var read))
        {
            var context = (DbContext)db;
            read = await ReportQuery.For(context)(context, id, cancellationToken);
            _read[id] = read;
        }

        return read?.Report;
    }

    /// <summary>
    /// The report's latest version, tracked (a review or withdrawal records its outcome on it); null before the first
    /// submission. Read with the report, in its statement (a withdrawal or review then waits on one round trip less); read
    /// on its own only when the report has frozen a version since. Its return notes are not read: only a pending version
    /// can be withdrawn, accepted or returned (<see cref="ReportVersion"/> refuses any other), and a version has notes only
    /// once returned, so the statement that read them always found none.
    /// </summary>
    public async Task<ReportVersion?> LatestVersionAsync(Report report, CancellationToken cancellationToken)
    {
        if (report.LatestVersionNumber == 0)
        {
            return null;
        }

        if (_read.TryGetValue(report.Id, out var read) && read is { Latest: { } latest } && latest.Number == report.LatestVersionNumber)
        {
            return latest;
        }

        var context = (DbContext)db;
        return await VersionQuery.For(context)(context, report.Id, report.LatestVersionNumber, cancellationToken);
    }

    /// <summary>
    /// The agencies that own a report for the agency scope: the reporting agency and, unless <paramref name="authorOnly"/>,
    /// the lead agency a contribution feeds. None when there is no such report.
    /// </summary>
    public async Task<List<Guid>> OwnersAsync(Guid id, bool authorOnly, CancellationToken cancellationToken) =>
        await ReadAsync(id, cancellationToken) switch
        {
            null => [],
            { ReviewingAgencyId: { } lead } report when !authorOnly => [report.AgencyId, lead],
            var report => [report.AgencyId],
        };

    /// <summary>
    /// The report, its entries and its latest version in one statement: the entries are its only collection (their
    /// evidence and sources, and the report's task snapshot, are JSON columns of their rows, ADR 0018) and the latest
    /// version one row at most (unique on report and number), so a single query multiplies nothing. Compiled: uncompiled,
    /// EF Core hashes and compares the LINQ tree and evaluates its closure values on every call to find the query in its
    /// cache (5 % of the API's CPU under submissions).
    /// </summary>
    private static readonly CompiledPerModel<Func<DbContext, Guid, CancellationToken, Task<Read?>>> ReportQuery = new(() =>
        EF.CompileAsyncQuery((DbContext context, Guid id, CancellationToken _) =>
            (from r in context.Set<Report>().Include(r => r.Entries).AsSingleQuery()
             where r.Id == id
             from v in context.Set<ReportVersion>().Where(v => v.ReportId == r.Id && v.Number == r.LatestVersionNumber).DefaultIfEmpty()
             select new Read(r, v))
            .SingleOrDefault()));

    /// <summary>A version by report and number, for a report that froze one since it was read.</summary>
    private static readonly CompiledPerModel<Func<DbContext, Guid, int, CancellationToken, Task<ReportVersion?>>> VersionQuery = new(() =>
        EF.CompileAsyncQuery((DbContext context, Guid id, int number, CancellationToken _) =>
            context.Set<ReportVersion>().SingleOrDefault(v => v.ReportId == id && v.Number == number)));

    /// <summary>A report as read, with its latest version as it was read with it (null before the first submission).</summary>
    internal sealed record Read(Report Report, ReportVersion? Latest);
}
