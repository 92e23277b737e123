using System.ComponentModel.DataAnnotations;
using Dti.Application.Calendar.Commands.ReplaceOfficialSchedule;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Calendar;

/// <summary>A year's official schedule as the coordinators keep it.</summary>
public sealed record OfficialScheduleDto(
    [property: Range(WorkingCalendar.MinYear, WorkingCalendar.MaxYear)] int Year,
    [property: MaxLength(OfficialSchedule.MaxEntries)] IReadOnlyList<OfficialScheduleEntryDto> Entries,
    DateTimeOffset UpdatedAt);

/// <param name="Date">The day concerned; it must lie in the schedule's year.</param>
/// <param name="Kind">DayOff, or WorkingDay for a weekend day swapped into a working day.</param>
/// <param name="Reason">Why, in the words of the schedule, e.g. "Tết Nguyên đán Bính Ngọ".</param>
[LimitsOf(typeof(OfficialScheduleEntryInput))]
public sealed record OfficialScheduleEntryDto(DateOnly Date, ScheduleDayKind Kind, string Reason);

internal static class OfficialScheduleQueries
{
    public static async Task<OfficialSchedule> GetForUpdateAsync(this IApplicationDbContext db, int year, int? expectedVersion, CancellationToken cancellationToken)
    {
        var schedule = await db.OfficialSchedules.Include(s => s.Days).SingleOrDefaultAsync(s => s.Year == year, cancellationToken)
            ?? throw new NotFoundException("Official schedule", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        PreconditionFailedException.ThrowIfStale("Official schedule", year.ToString(System.Globalization.CultureInfo.InvariantCulture), schedule.Version, expectedVersion);

        return schedule;
    }
}
