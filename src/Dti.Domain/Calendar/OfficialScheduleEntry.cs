namespace Dti.Domain.Calendar;

/// <summary>
/// One line of the government's official holiday schedule for a year (thông báo lịch nghỉ lễ, Tết).
/// </summary>
/// <remarks>
/// The entries of a year, taken together, are the <b>complete</b> list of that year's days off besides
/// ordinary weekends, plus the weekend days swapped into working days. When a year has any entry, the
/// entries replace the holidays computed from the Labour Code for that year. An entry belongs to the year
/// of its <see cref="Date"/>.
/// </remarks>
/// <param name="Date">The day concerned.</param>
/// <param name="Kind">Whether the day is off or a (swapped) working day.</param>
/// <param name="Reason">Why, in the words of the schedule, e.g. "Tết Nguyên đán Bính Ngọ".</param>
public sealed record OfficialScheduleEntry(DateOnly Date, ScheduleDayKind Kind, string Reason);

/// <summary>What an official schedule says about a day.</summary>
public enum ScheduleDayKind
{
    /// <summary>A paid day off (holiday, compensatory day, or a working day swapped away).</summary>
    DayOff,

    /// <summary>A weekend day that becomes a working day, to make up for a swapped day off.</summary>
    WorkingDay,
}
