using Dti.Domain.Calendar;

namespace Dti.Domain.Deadlines;

/// <summary>Where an obligation stands relative to now.</summary>
public enum ObligationStatus
{
    /// <summary>The last allowed day is further away than the "due soon" horizon.</summary>
    Upcoming,

    /// <summary>The last allowed day is today or within the next N working days.</summary>
    DueSoon,

    /// <summary>The last allowed instant has passed.</summary>
    Overdue,
}

/// <summary>Computes an <see cref="ObligationStatus"/>.</summary>
public static class ObligationStatuses
{
    /// <summary>
    /// <see cref="ObligationStatus.Overdue"/> once <paramref name="now"/> is after <paramref name="lastAllowedInstant"/>;
    /// <see cref="ObligationStatus.DueSoon"/> while the last allowed day (in Asia/Ho_Chi_Minh) is no later than the
    /// <paramref name="dueSoonWorkingDays"/>-th working day after today — with 0, only on the day itself;
    /// otherwise <see cref="ObligationStatus.Upcoming"/>.
    /// </summary>
    public static ObligationStatus Of(DateTimeOffset lastAllowedInstant, DateTimeOffset now, int dueSoonWorkingDays, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonWorkingDays);
        if (now > lastAllowedInstant)
        {
            return ObligationStatus.Overdue;
        }

        var today = DateOnly.FromDateTime(now.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        var lastDay = DateOnly.FromDateTime(lastAllowedInstant.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);

        // A horizon of N working days never spans more than N weeks plus the longest official break.
        if (lastDay.DayNumber - today.DayNumber > (dueSoonWorkingDays * 7) + 31)
        {
            return ObligationStatus.Upcoming;
        }

        return lastDay <= calendar.AddWorkingDays(today, dueSoonWorkingDays) ? ObligationStatus.DueSoon : ObligationStatus.Upcoming;
    }
}
