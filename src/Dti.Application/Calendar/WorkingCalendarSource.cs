using Dti.Application.Common.Interfaces;
using Dti.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Calendar;

/// <summary>
/// The working calendar every computation uses, built from the official schedules in the database and
/// cached for the life of the process. Whoever changes a schedule calls <see cref="Invalidate"/> after saving.
/// </summary>
/// <remarks>
/// Each cached calendar carries the stamp that was current when its schedules were read; <see cref="Invalidate"/>
/// moves the stamp on, so a calendar read before (or while) a change was saved is never served afterwards.
/// One process only: several API instances would need the stamp in the database.
/// </remarks>
public sealed class WorkingCalendarSource
{
    private long _stamp;
    private Snapshot? _snapshot;

    public async Task<WorkingCalendar> GetAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var stamp = Interlocked.Read(ref _stamp);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Stamp == stamp)
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

    public void Invalidate() => Interlocked.Increment(ref _stamp);

    private sealed record Snapshot(long Stamp, WorkingCalendar Calendar);
}
