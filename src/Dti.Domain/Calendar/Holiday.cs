namespace Dti.Domain.Calendar;

/// <summary>A day off in a year besides the ordinary weekly days off.</summary>
/// <param name="Date">The day off.</param>
/// <param name="Name">What is celebrated or why the day is off, e.g. "Giỗ Tổ Hùng Vương".</param>
/// <param name="Source">Where the day comes from.</param>
/// <param name="Reason">A one-line explanation with its legal source.</param>
public sealed record Holiday(DateOnly Date, string Name, HolidaySource Source, string Reason);

/// <summary>Where a <see cref="Holiday"/> comes from.</summary>
public enum HolidaySource
{
    /// <summary>A public holiday of Labour Code 2019 Art. 112, computed for the year.</summary>
    Statutory,

    /// <summary>The working day off given because a statutory holiday fell on a weekly day off.</summary>
    Compensatory,

    /// <summary>A day off listed in the government's official schedule for the year.</summary>
    OfficialSchedule,
}

/// <summary>Whether a day is a working day, and why.</summary>
/// <param name="Date">The day explained.</param>
/// <param name="IsWorkingDay">True when public offices work that day.</param>
/// <param name="Reasons">Every fact that decided it, e.g. "Saturday (weekly day off)".</param>
public sealed record DayInfo(DateOnly Date, bool IsWorkingDay, IReadOnlyList<string> Reasons);
