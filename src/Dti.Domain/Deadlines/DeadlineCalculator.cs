using System.Globalization;
using Dti.Domain.Calendar;
using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>One period's deadline under a rule, with how it was reached.</summary>
/// <param name="Period">The reporting period.</param>
/// <param name="DataWindow">The days whose data the report covers.</param>
/// <param name="NominalDate">The date named by the rule, before the boundary and holiday adjustment.</param>
/// <param name="LastAllowedDay">The last day on which the report is on time.</param>
/// <param name="LastAllowedInstant">
/// The last instant of <see cref="LastAllowedDay"/> in Asia/Ho_Chi_Minh: 23:59:59.9999999 +07:00 (a day ends at
/// 24:00, Civil Code 2015 Art. 148), or the rule's time of day on that day, e.g. 17:00:00 +07:00.
/// </param>
/// <param name="Steps">Human-readable explanation, one line per step.</param>
public sealed record DeadlineOccurrence(
    ReportingPeriod Period,
    DataWindow DataWindow,
    DateOnly NominalDate,
    DateOnly LastAllowedDay,
    DateTimeOffset LastAllowedInstant,
    IReadOnlyList<string> Steps)
{
    /// <summary>The period's compact identifier, e.g. <c>2027Q3</c>.</summary>
    public string PeriodId => Period.Id;
}

/// <summary>Turns a <see cref="DeadlineRule"/> into concrete deadlines on the <see cref="WorkingCalendar"/>.</summary>
public static class DeadlineCalculator
{
    /// <summary>Vietnam's offset: Asia/Ho_Chi_Minh is UTC+07:00 all year (no daylight saving).</summary>
    public static readonly TimeSpan VietnamOffset = VietnamClock.Offset;

    /// <summary>Nominal dates can sit this far from the last allowed day (longest official break plus margin).</summary>
    private const int MaxAdjustmentDays = 31;

    /// <summary>
    /// Every occurrence of <paramref name="rule"/> whose <b>last allowed day</b> falls in
    /// [<paramref name="from"/>, <paramref name="to"/>] (both included), in date order. Selecting by the
    /// deadline, not by the period, answers "what is due in this range" — a 2026 annual report due 15/01/2027
    /// belongs to a 2027 range. Periods whose deadline would fall outside the calendar's supported years are
    /// left out.
    /// </summary>
    /// <exception cref="DomainException">Rule <c>deadline-range.invalid</c> when <paramref name="from"/> is after <paramref name="to"/>.</exception>
    public static IReadOnlyList<DeadlineOccurrence> Occurrences(DeadlineRule rule, DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        if (from > to)
        {
            throw new DomainException("deadline-range.invalid", $"The range starts ({CalendarText.Date(from)}) after it ends ({CalendarText.Date(to)}).", "from");
        }

        var earliest = from.AddDays(-MaxAdjustmentDays);
        var latest = to.AddDays(MaxAdjustmentDays);
        var result = new List<DeadlineOccurrence>();
        foreach (var period in CandidatePeriods(rule, from.Year - 2, to.Year))
        {
            var roughDate = RoughNominalDate(rule, period);
            if (roughDate < earliest || roughDate > latest
                || roughDate.Year < WorkingCalendar.MinYear || roughDate.Year > WorkingCalendar.MaxYear)
            {
                continue;
            }

            var occurrence = For(rule, period, calendar);
            if (occurrence.LastAllowedDay >= from && occurrence.LastAllowedDay <= to)
            {
                result.Add(occurrence);
            }
        }

        return result;
    }

    /// <summary>The deadline of <paramref name="rule"/> for one <paramref name="period"/>.</summary>
    /// <exception cref="DomainException">The period is of another kind than the rule, or a date leaves the calendar's years.</exception>
    public static DeadlineOccurrence For(DeadlineRule rule, ReportingPeriod period, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);
        if (period.Kind != rule.Frequency)
        {
            throw new DomainException("deadline-rule.period-mismatch", $"A {rule.Frequency} rule cannot be applied to period {period.Id}.", "period");
        }

        var steps = new List<string>(5);
        var window = period.DataWindow(rule.Cutoff);
        steps.Add($"Period {period.Id}: {CalendarText.Date(period.Start)} – {CalendarText.Date(period.End)}; data window {CalendarText.Date(window.From)} – {CalendarText.Date(window.To)} ({DescribeCutoff(rule.Cutoff)})");

        var nominal = NominalDate(rule, period, window, calendar, out var how);
        steps.Add($"Nominal date: {CalendarText.Date(nominal)} ({how})");

        var last = nominal;
        if (rule.Boundary == DeadlineBoundary.Before)
        {
            last = nominal.AddDays(-1);
            steps.Add($"'before' → the nominal date is excluded; last allowed day {CalendarText.Date(last)}");
        }
        else
        {
            steps.Add($"'no later than' → last allowed day {CalendarText.Date(last)}");
        }

        last = Adjust(last, rule.Adjustment, calendar, steps);

        var instant = rule.TimeOfDay is { } time ? new DateTimeOffset(last.ToDateTime(time), VietnamOffset) : EndOfDay(last);
        var why = rule.TimeOfDay is { } t
            ? $"{t.ToString("HH:mm", CultureInfo.InvariantCulture)} on the last allowed day in Asia/Ho_Chi_Minh, as the rule says"
            : "end of the day in Asia/Ho_Chi_Minh; a day ends at 24:00, Civil Code 2015 Art. 148";
        steps.Add($"Last allowed instant: {instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)} ({why})");

        return new DeadlineOccurrence(period, window, nominal, last, instant, steps);
    }

    /// <summary>23:59:59.9999999 of <paramref name="day"/> at +07:00.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MaxValue), VietnamOffset);

    private static IEnumerable<ReportingPeriod> CandidatePeriods(DeadlineRule rule, int firstYear, int lastYear)
    {
        if (rule.Due is DueAnchor.ExplicitDate explicitDate)
        {
            yield return ReportingPeriod.Create(ReportingFrequency.OneOff, explicitDate.Date.Year, 1);
            yield break;
        }

        for (var year = Math.Max(firstYear, 2); year <= lastYear; year++)
        {
            foreach (var period in ReportingPeriod.AllOf(rule.Frequency, year))
            {
                yield return period;
            }
        }
    }

    /// <summary>
    /// The nominal date without consulting the calendar: working days are taken as 7/5 calendar days, which stays
    /// well within <see cref="MaxAdjustmentDays"/> of the real date.
    /// </summary>
    private static DateOnly RoughNominalDate(DeadlineRule rule, ReportingPeriod period) => rule.Due switch
    {
        DueAnchor.DayOfLastMonth d => DayOfMonth(period.Year, period.LastMonth, d.Day),
        DueAnchor.DayOfMonthAfter d => DayOfMonthAfter(period, d),
        DueAnchor.FixedDate f => new DateOnly(period.Year + (f.FollowingYear ? 1 : 0), f.Month, f.Day),
        DueAnchor.ExplicitDate e => e.Date,
        DueAnchor.WorkingDaysAfterCutoff w => period.DataWindow(rule.Cutoff).To.AddDays(w.WorkingDays * 7 / 5),
        DueAnchor.DaysAfter d => CountedFrom(rule, period, d).AddDays(d.DayCount == DayCount.WorkingDays ? d.Days * 7 / 5 : d.Days),
        _ => throw new InvalidOperationException($"Unknown anchor {rule.Due}."),
    };

    private static DateOnly DayOfMonthAfter(ReportingPeriod period, DueAnchor.DayOfMonthAfter d)
    {
        var month = new DateOnly(period.Year, period.LastMonth, 1).AddMonths(d.MonthsAfter);
        return DayOfMonth(month.Year, month.Month, d.Day);
    }

    private static DateOnly CountedFrom(DeadlineRule rule, ReportingPeriod period, DueAnchor.DaysAfter d) =>
        d.CountedFrom == DaysCountedFrom.Cutoff ? period.DataWindow(rule.Cutoff).To : period.End;

    private static DateOnly NominalDate(DeadlineRule rule, ReportingPeriod period, DataWindow window, WorkingCalendar calendar, out string how)
    {
        switch (rule.Due)
        {
            case DueAnchor.DayOfLastMonth d:
                var date = DayOfMonth(period.Year, period.LastMonth, d.Day);
                how = date.Day == d.Day
                    ? $"day {d.Day} of the last month of {period.Id}"
                    : $"day {d.Day} of the last month of {period.Id}, which has only {date.Day} days";
                return date;
            case DueAnchor.DayOfMonthAfter d:
                var after = DayOfMonthAfter(period, d);
                how = $"day {d.Day} of the month {d.MonthsAfter} month{(d.MonthsAfter == 1 ? string.Empty : "s")} after the last month of {period.Id}"
                    + (after.Day == d.Day ? string.Empty : $", which has only {after.Day} days");
                return after;
            case DueAnchor.DaysAfter d:
                var start = CountedFrom(rule, period, d);
                var what = d.CountedFrom == DaysCountedFrom.Cutoff ? "the cut-off" : $"the end of {period.Id}";
                var unit = d.DayCount == DayCount.WorkingDays ? "working day" : "day";
                how = $"{d.Days} {unit}{(d.Days == 1 ? string.Empty : "s")} after {what} {CalendarText.Date(start)}, that day not counted (Civil Code 2015 Art. 147)";
                return d.DayCount == DayCount.WorkingDays ? calendar.AddWorkingDays(start, d.Days) : start.AddDays(d.Days);
            case DueAnchor.FixedDate f:
                how = f.FollowingYear
                    ? $"{f.Day:D2}/{f.Month:D2} of the year after {period.Id}"
                    : $"{f.Day:D2}/{f.Month:D2} of {period.Id}";
                return RoughNominalDate(rule, period);
            case DueAnchor.WorkingDaysAfterCutoff w:
                how = $"{w.WorkingDays} working day{(w.WorkingDays == 1 ? string.Empty : "s")} after the cut-off {CalendarText.Date(window.To)}";
                return calendar.AddWorkingDays(window.To, w.WorkingDays);
            case DueAnchor.ExplicitDate e:
                how = "the rule's one-off date";
                return e.Date;
            default:
                throw new InvalidOperationException($"Unknown anchor {rule.Due}.");
        }
    }

    private static DateOnly Adjust(DateOnly day, HolidayAdjustment adjustment, WorkingCalendar calendar, List<string> steps)
    {
        var info = calendar.Explain(day);
        if (info.IsWorkingDay)
        {
            steps.Add($"{CalendarText.DayAndDate(day)} is a working day → no adjustment");
            return day;
        }

        var why = info.Reasons is [var only] && only == $"{day.DayOfWeek} (weekly day off)"
            ? $"{CalendarText.Date(day)} is a {only}"
            : $"{CalendarText.DayAndDate(day)} is not a working day: {string.Join("; ", info.Reasons)}";
        switch (adjustment)
        {
            case HolidayAdjustment.NextWorkingDay:
                var next = calendar.NextWorkingDay(day);
                steps.Add($"{why} → next working day {CalendarText.DayAndDate(next)} (Civil Code 2015 Art. 148)");
                return next;
            case HolidayAdjustment.PreviousWorkingDay:
                var previous = calendar.PreviousWorkingDay(day);
                steps.Add($"{why} → previous working day {CalendarText.DayAndDate(previous)} (this rule moves deadlines earlier)");
                return previous;
            default:
                steps.Add($"{why} → not moved (this rule does not apply Civil Code 2015 Art. 148)");
                return day;
        }
    }

    private static DateOnly DayOfMonth(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static string DescribeCutoff(CutoffConvention cutoff) => cutoff == CutoffConvention.Decree09
        ? "cut-off per Decree 09/2019/NĐ-CP Art. 12"
        : "calendar period";
}
