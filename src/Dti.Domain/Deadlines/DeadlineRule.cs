using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>Whether the nominal date itself is still allowed.</summary>
public enum DeadlineBoundary
{
    /// <summary>"trước ngày 25" / "before the 25th": the last allowed day is the day before the nominal date.</summary>
    Before,

    /// <summary>"chậm nhất ngày 25" / "no later than the 25th": the nominal date is the last allowed day.</summary>
    NoLaterThan,
}

/// <summary>What happens when the last allowed day is not a working day.</summary>
public enum HolidayAdjustment
{
    /// <summary>The deadline stays where it is.</summary>
    None,

    /// <summary>Civil Code 2015 Art. 148: the period ends at the end of the next working day.</summary>
    NextWorkingDay,

    /// <summary>The report is due on the last working day before.</summary>
    PreviousWorkingDay,
}

/// <summary>Whether a number of days counts every day or only working days.</summary>
public enum DayCount
{
    WorkingDays,
    CalendarDays,
}

/// <summary>The day a number of days is counted from (that day itself not counted, Civil Code 2015 Art. 147).</summary>
public enum DaysCountedFrom
{
    /// <summary>The data cut-off: the data window's last day.</summary>
    Cutoff,

    /// <summary>The calendar period's last day (e.g. 31/03 for a first quarter).</summary>
    PeriodEnd,
}

/// <summary>The legal document a rule comes from, e.g. 09/2019/NĐ-CP of 08/01/2019.</summary>
public sealed record LegalBasis(string DocumentNumber, DateOnly IssuedOn);

/// <summary>Where in or after a period its deadline nominally falls.</summary>
public abstract record DueAnchor
{
    private DueAnchor()
    {
    }

    /// <summary>Day <see cref="Day"/> of the period's last calendar month (clamped to the month's last day).</summary>
    public sealed record DayOfLastMonth(int Day) : DueAnchor;

    /// <summary>A day and month in the period's year, or in the following year.</summary>
    public sealed record FixedDate(int Day, int Month, bool FollowingYear) : DueAnchor;

    /// <summary>The <see cref="WorkingDays"/>-th working day after the data cut-off (the window's last day).</summary>
    public sealed record WorkingDaysAfterCutoff(int WorkingDays) : DueAnchor;

    /// <summary>
    /// Day <see cref="Day"/> of the month that is <see cref="MonthsAfter"/> months after the period's last month
    /// ("trước ngày 10 của tháng sau", "ngày 15 của tháng đầu quý sau"), clamped to that month's last day.
    /// </summary>
    public sealed record DayOfMonthAfter(int Day, int MonthsAfter) : DueAnchor;

    /// <summary>
    /// <see cref="Days"/> working or calendar days after the cut-off or the period's end; the day counted from is
    /// not counted (Civil Code 2015 Art. 147). Working days after the cut-off are always a <see cref="WorkingDaysAfterCutoff"/>.
    /// </summary>
    public sealed record DaysAfter(int Days, DayCount DayCount, DaysCountedFrom CountedFrom) : DueAnchor;

    /// <summary>An explicit date, for one-off reports.</summary>
    public sealed record ExplicitDate(DateOnly Date) : DueAnchor;
}

/// <summary>
/// A reporting deadline rule, e.g. "quarterly no later than the 25th of the last month of the quarter".
/// Times are in Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving). Created only through <see cref="Create"/>,
/// so every instance is valid.
/// </summary>
public sealed record DeadlineRule
{
    public const int MaxNameLength = 200;
    public const int MaxDocumentNumberLength = 100;
    public const int MaxWorkingDays = 60;
    public const int MaxDayOfMonth = 31;
    public const int MaxMonth = 12;
    public const int MaxMonthsAfter = 3;
    public const int MaxCalendarDays = 90;

    private DeadlineRule(
        string name,
        ReportingFrequency frequency,
        DueAnchor due,
        DeadlineBoundary boundary,
        CutoffConvention cutoff,
        HolidayAdjustment adjustment,
        LegalBasis? legalBasis,
        TimeOnly? timeOfDay)
    {
        TimeOfDay = timeOfDay;
        Name = name;
        Frequency = frequency;
        Due = due;
        Boundary = boundary;
        Cutoff = cutoff;
        Adjustment = adjustment;
        LegalBasis = legalBasis;
    }

    public string Name { get; }

    public ReportingFrequency Frequency { get; }

    public DueAnchor Due { get; }

    public DeadlineBoundary Boundary { get; }

    public CutoffConvention Cutoff { get; }

    /// <summary>Whether Civil Code Art. 148 (or its mirror image) applies: a per-rule interpretation.</summary>
    public HolidayAdjustment Adjustment { get; }

    public LegalBasis? LegalBasis { get; }

    /// <summary>
    /// The last allowed instant's time on the last allowed day (e.g. 17:00 +07:00); null means the end of the day
    /// (24:00). Only a "no later than" rule has one: "trước 16 giờ ngày 15/12" puts the boundary on the hour.
    /// </summary>
    public TimeOnly? TimeOfDay { get; }

    /// <summary>Creates a rule after checking that its parts fit together.</summary>
    /// <exception cref="DomainException">A blank or long name, an anchor that does not fit the frequency, or an out-of-range day.</exception>
    public static DeadlineRule Create(
        string name,
        ReportingFrequency frequency,
        DueAnchor due,
        DeadlineBoundary boundary,
        CutoffConvention cutoff = CutoffConvention.Decree09,
        HolidayAdjustment adjustment = HolidayAdjustment.NextWorkingDay,
        LegalBasis? legalBasis = null,
        TimeOnly? timeOfDay = null)
    {
        var cleanName = Guard.Text(name, "name", MaxNameLength);
        ArgumentNullException.ThrowIfNull(due);
        CheckEnum(frequency, "frequency");
        CheckEnum(boundary, "boundary");
        CheckEnum(cutoff, "cutoff");
        CheckEnum(adjustment, "adjustment");

        if ((frequency == ReportingFrequency.OneOff) != (due is DueAnchor.ExplicitDate))
        {
            throw Invalid("deadline-rule.one-off-needs-explicit-date", "A one-off rule needs an explicit date, and only a one-off rule may have one.", "due");
        }

        switch (due)
        {
            case DueAnchor.DayOfLastMonth { Day: < 1 or > MaxDayOfMonth } d:
                throw Invalid("deadline-rule.invalid-day", $"The day of the month must be 1–{MaxDayOfMonth}, got {d.Day}.", "due");
            case DueAnchor.FixedDate when frequency != ReportingFrequency.Annual:
                throw Invalid("deadline-rule.fixed-date-needs-annual", "A fixed day and month is only meaningful for an annual rule.", "due");
            case DueAnchor.FixedDate f when f.Month is < 1 or > MaxMonth || f.Day < 1 || f.Day > DateTime.DaysInMonth(2001, f.Month):
                throw Invalid("deadline-rule.invalid-day", $"{f.Day}/{f.Month} is not a date in every year.", "due");
            case DueAnchor.WorkingDaysAfterCutoff { WorkingDays: < 1 or > MaxWorkingDays } w:
                throw Invalid("deadline-rule.invalid-working-days", $"The number of working days must be 1–{MaxWorkingDays}, got {w.WorkingDays}.", "due");
            case DueAnchor.DayOfMonthAfter { Day: < 1 or > MaxDayOfMonth } d:
                throw Invalid("deadline-rule.invalid-day", $"The day of the month must be 1–{MaxDayOfMonth}, got {d.Day}.", "due");
            case DueAnchor.DayOfMonthAfter { MonthsAfter: < 1 or > MaxMonthsAfter } d:
                throw Invalid("deadline-rule.invalid-months-after", $"The month must be 1–{MaxMonthsAfter} months after the period's last month, got {d.MonthsAfter}.", "due");
            case DueAnchor.DayOfMonthAfter when frequency == ReportingFrequency.Annual:
                throw Invalid("deadline-rule.annual-needs-date", "An annual rule due in the following year names the date, e.g. 15/01 of the following year.", "due");
            case DueAnchor.DaysAfter d when !Enum.IsDefined(d.DayCount) || !Enum.IsDefined(d.CountedFrom):
                throw Invalid("deadline-rule.invalid-option", $"'{d.DayCount}' or '{d.CountedFrom}' is not a valid way to count days.", "due");
            case DueAnchor.DaysAfter { DayCount: DayCount.WorkingDays, Days: < 1 or > MaxWorkingDays } d:
                throw Invalid("deadline-rule.invalid-working-days", $"The number of working days must be 1–{MaxWorkingDays}, got {d.Days}.", "due");
            case DueAnchor.DaysAfter { DayCount: DayCount.CalendarDays, Days: < 1 or > MaxCalendarDays } d:
                throw Invalid("deadline-rule.invalid-days", $"The number of days must be 1–{MaxCalendarDays}, got {d.Days}.", "due");
        }

        // One rule, one shape: working days after the cut-off predate the general anchor and keep their own.
        if (due is DueAnchor.DaysAfter { DayCount: DayCount.WorkingDays, CountedFrom: DaysCountedFrom.Cutoff } cutoffDays)
        {
            due = new DueAnchor.WorkingDaysAfterCutoff(cutoffDays.Days);
        }

        if (timeOfDay is { } time)
        {
            if (boundary != DeadlineBoundary.NoLaterThan)
            {
                throw Invalid("deadline-rule.time-needs-no-later-than", "A time of day is the last allowed instant itself, so the rule's boundary must be NoLaterThan.", "timeOfDay");
            }

            if (time.Second != 0 || time.Millisecond != 0 || time.Microsecond != 0 || time.Nanosecond != 0)
            {
                throw Invalid("deadline-rule.invalid-time", $"A time of day is given in whole minutes, got {time:HH:mm:ss.fffffff}.", "timeOfDay");
            }
        }

        var basis = legalBasis is null
            ? null
            : legalBasis with { DocumentNumber = Guard.Text(legalBasis.DocumentNumber, "legalBasis", MaxDocumentNumberLength) };

        return new DeadlineRule(cleanName, frequency, due, boundary, cutoff, adjustment, basis, timeOfDay);
    }

    /// <summary>The same rule under another name.</summary>
    internal DeadlineRule Named(string name) => Create(name, Frequency, Due, Boundary, Cutoff, Adjustment, LegalBasis, TimeOfDay);

    private static void CheckEnum<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw Invalid("deadline-rule.invalid-option", $"'{value}' is not a valid {field}.", field);
        }
    }

    private static DomainException Invalid(string rule, string message, string field) => new(rule, message, field);
}
