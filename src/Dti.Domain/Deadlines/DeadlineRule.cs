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

    private DeadlineRule(
        string name,
        ReportingFrequency frequency,
        DueAnchor due,
        DeadlineBoundary boundary,
        CutoffConvention cutoff,
        HolidayAdjustment adjustment,
        LegalBasis? legalBasis)
    {
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

    /// <summary>Creates a rule after checking that its parts fit together.</summary>
    /// <exception cref="DomainException">A blank or long name, an anchor that does not fit the frequency, or an out-of-range day.</exception>
    public static DeadlineRule Create(
        string name,
        ReportingFrequency frequency,
        DueAnchor due,
        DeadlineBoundary boundary,
        CutoffConvention cutoff = CutoffConvention.Decree09,
        HolidayAdjustment adjustment = HolidayAdjustment.NextWorkingDay,
        LegalBasis? legalBasis = null)
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
        }

        var basis = legalBasis is null
            ? null
            : legalBasis with { DocumentNumber = Guard.Text(legalBasis.DocumentNumber, "legalBasis", MaxDocumentNumberLength) };

        return new DeadlineRule(cleanName, frequency, due, boundary, cutoff, adjustment, basis);
    }

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
