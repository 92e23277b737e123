using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Calendar;

/// <summary>
/// The working calendar every computation uses, built from the official schedules in the database and kept in
/// memory between requests. Correct with any number of API instances on one database: each use first reads the
/// stamp of the stored schedules (one small query) and rebuilds the calendar when the stamp differs from the
/// one the cached calendar was built from.
/// </summary>
/// <remarks>
/// The stamp is the set of (id, version) of the stored schedules. Every change to a schedule goes through the
/// aggregate, which moves its version on; a deleted schedule drops out of the set, and a re-created one has a
/// new id. So any committed change, made by this instance or another, changes the stamp. The stamp is read
/// before the schedules: a change committed in between leaves a calendar newer than its stamp, which the next
/// use rebuilds — never one older than its stamp. <see cref="Invalidate"/>, called when a schedule event is
/// dispatched, only drops the copy early; nothing depends on it.
/// </remarks>
public sealed class WorkingCalendarSource
{
    /// <summary>
    /// The stamp's query, compiled once (this source is a singleton, so it serves one model): read before nearly every
    /// computation, it would otherwise pay EF Core's query-cache lookup each time.
    /// </summary>
    private readonly Func<DbContext, IAsyncEnumerable<VersionStamp>> _stamp =
        EF.CompileAsyncQuery((DbContext context) => context.Set<OfficialSchedule>().AsNoTracking().Select(s => new VersionStamp(s.Id, s.Version)));

    private Snapshot? _snapshot;

    public async Task<WorkingCalendar> GetAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var stored = new List<VersionStamp>();
        await foreach (var schedule in _stamp((DbContext)db).WithCancellation(cancellationToken))
        {
            stored.Add(schedule);
        }

        return await GetAsync(db, stored, cancellationToken);
    }

    /// <summary>The calendar, checked against the schedules' stamp read with the framework's (<see cref="ReferenceStamps"/>).</summary>
    public Task<WorkingCalendar> GetAsync(IApplicationDbContext db, ReferenceStamps stamps, CancellationToken cancellationToken) =>
        GetAsync(db, stamps.Schedules, cancellationToken);

    private async Task<WorkingCalendar> GetAsync(IApplicationDbContext db, IReadOnlyList<VersionStamp> stored, CancellationToken cancellationToken)
    {
        var stamp = string.Join(';', stored.OrderBy(s => s.Id).Select(s => $"{s.Id:N}.{s.Version}"));
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && string.Equals(snapshot.Stamp, stamp, StringComparison.Ordinal))
        {
            return snapshot.Calendar;
        }

        var entries = await db.OfficialSchedules.AsNoTracking()
            .SelectMany(s => s.Days)
            .Select(d => new { d.Date, d.Kind, d.Reason })
            .ToListAsync(cancellationToken);
        var calendar = WorkingCalendar.Create(entries.Select(e => new OfficialScheduleEntry(e.Date, e.Kind, e.Reason)));
        Volatile.Write(ref _snapshot, new Snapshot(stamp, calendar));
        return calendar;
    }

    /// <summary>Drops the cached calendar; the next use rebuilds it.</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    private sealed record Snapshot(string Stamp, WorkingCalendar Calendar);
}
