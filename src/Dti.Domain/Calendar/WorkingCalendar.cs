using Dti.Domain.Common;

namespace Dti.Domain.Calendar;

/// <summary>
/// Vietnam's working-day calendar for public offices: Saturday and Sunday off, the public holidays of
/// Labour Code 2019 Art. 112 with their compensatory days, and the government's official schedule for a
/// year wherever one is known (it replaces the computed holidays of that year entirely).
/// </summary>
/// <remarks>
/// Supported years are <see cref="MinYear"/>–<see cref="MaxYear"/>; anything outside throws a
/// <see cref="DomainException"/> with rule <c>calendar.year-out-of-range</c>. Each year is computed once, on
/// first use, and cached; instances are immutable and safe to share between threads.
/// </remarks>
public sealed class WorkingCalendar
{
    public const int MinYear = VietnameseLunarCalendar.MinYear;
    public const int MaxYear = VietnameseLunarCalendar.MaxYear;

    /// <summary>Days in a leap year: no list of a year's days is longer.</summary>
    public const int MaxDaysInYear = 366;

    /// <summary>
    /// The longest explanation line — a day's reason, a deadline's step: official-schedule reasons are at most
    /// <see cref="OfficialSchedule.MaxReasonLength"/> characters and one line quotes at most a few of them.
    /// </summary>
    public const int MaxExplanationLength = 2000;

    /// <summary>The most explanation lines one day or one deadline gets (a deadline has five steps).</summary>
    public const int MaxExplanations = 10;

    private static readonly Lazy<WorkingCalendar> DefaultCalendar = new(() => Create(OfficialSchedules.All));

    private readonly Dictionary<int, OfficialScheduleEntry[]> _schedules;
    private readonly YearDays?[] _years = new YearDays?[MaxYear - MinYear + 1];

    private WorkingCalendar(Dictionary<int, OfficialScheduleEntry[]> schedules) => _schedules = schedules;

    /// <summary>The calendar with the official schedules shipped in <see cref="OfficialSchedules"/>.</summary>
    public static WorkingCalendar Default => DefaultCalendar.Value;

    /// <summary>A calendar whose years with at least one entry follow those entries instead of the computed holidays.</summary>
    /// <exception cref="DomainException">Two entries for one day, a swapped working day that is not a weekend day, or a year out of range.</exception>
    public static WorkingCalendar Create(IEnumerable<OfficialScheduleEntry> officialSchedule)
    {
        var entries = officialSchedule.ToList();
        var duplicate = entries.GroupBy(e => e.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(
                "official-schedule.duplicate-day",
                $"The official schedule lists {CalendarText.Date(duplicate.Key)} more than once.",
                "date");
        }

        var weekday = entries.FirstOrDefault(e => e.Kind == ScheduleDayKind.WorkingDay && !CalendarText.IsWeekend(e.Date));
        if (weekday is not null)
        {
            throw new DomainException(
                "official-schedule.working-day-not-weekend",
                $"{CalendarText.DayAndDate(weekday.Date)} is already a working day; only a weekend day can be swapped into one.",
                "kind");
        }

        foreach (var entry in entries)
        {
            EnsureYear(entry.Date.Year);
        }

        return new WorkingCalendar(entries.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Date).ToArray()));
    }

    /// <summary>True when public offices work on <paramref name="date"/>.</summary>
    public bool IsWorkingDay(DateOnly date) => Year(date.Year).IsWorking(date);

    /// <summary>Whether <paramref name="date"/> is a working day and every reason for it.</summary>
    public DayInfo Explain(DateOnly date) => Year(date.Year).Explain(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => AddWorkingDays(date, -1);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (before it when negative);
    /// <paramref name="date"/> itself is never counted, and 0 returns it unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        var day = date;
        while (remaining > 0)
        {
            day = Step(day, step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>The days off of <paramref name="year"/> besides ordinary weekends, in date order.</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year) => Year(year).Holidays;

    /// <summary>True when <paramref name="year"/> follows an official schedule rather than computed holidays.</summary>
    public bool HasOfficialSchedule(int year)
    {
        EnsureYear(year);
        return _schedules.ContainsKey(year);
    }

    private static DateOnly Step(DateOnly day, int step)
    {
        var next = day.DayNumber + step;
        if (next < new DateOnly(MinYear, 1, 1).DayNumber || next > new DateOnly(MaxYear, 12, 31).DayNumber)
        {
            throw OutOfRange(day.Year + step);
        }

        return DateOnly.FromDayNumber(next);
    }

    private static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw OutOfRange(year);
        }
    }

    private static DomainException OutOfRange(int year) => new(
        "calendar.year-out-of-range",
        $"The working calendar is supported for {MinYear}–{MaxYear}, got {year}.",
        "year");

    private YearDays Year(int year)
    {
        EnsureYear(year);
        var slot = year - MinYear;
        var days = Volatile.Read(ref _years[slot]);
        if (days is null)
        {
            days = _schedules.TryGetValue(year, out var schedule)
                ? YearDays.FromOfficialSchedule(year, schedule)
                : YearDays.FromLabourCode(year);
            Interlocked.CompareExchange(ref _years[slot], days, null);
        }

        return days;
    }

    /// <summary>One year's working-day flags and the reasons behind every special day.</summary>
    private sealed class YearDays
    {
        private readonly bool[] _working;
        private readonly Dictionary<DateOnly, List<string>> _reasons = [];

        private YearDays(int year, IReadOnlyList<Holiday> holidays)
        {
            Holidays = holidays;
            var first = new DateOnly(year, 1, 1);
            _working = new bool[DateTime.IsLeapYear(year) ? 366 : 365];
            for (var i = 0; i < _working.Length; i++)
            {
                _working[i] = !CalendarText.IsWeekend(first.AddDays(i));
            }

            foreach (var holiday in holidays)
            {
                _working[holiday.Date.DayOfYear - 1] = false;
                AddReason(holiday.Date, holiday.Reason);
            }
        }

        public IReadOnlyList<Holiday> Holidays { get; }

        public static YearDays FromLabourCode(int year) => new(year, StatutoryHolidays.Compute(year));

        public static YearDays FromOfficialSchedule(int year, OfficialScheduleEntry[] schedule)
        {
            var daysOff = schedule
                .Where(e => e.Kind == ScheduleDayKind.DayOff)
                .Select(e => new Holiday(e.Date, e.Reason, HolidaySource.OfficialSchedule, $"official schedule {year}: {e.Reason}"))
                .ToList();
            var days = new YearDays(year, daysOff);
            foreach (var entry in schedule.Where(e => e.Kind == ScheduleDayKind.WorkingDay))
            {
                days._working[entry.Date.DayOfYear - 1] = true;
                days.AddReason(entry.Date, $"official schedule {year}: {entry.Reason}");
            }

            return days;
        }

        public bool IsWorking(DateOnly date) => _working[date.DayOfYear - 1];

        public DayInfo Explain(DateOnly date)
        {
            var reasons = new List<string>();
            if (CalendarText.IsWeekend(date))
            {
                reasons.Add($"{date.DayOfWeek} (weekly day off)");
            }

            if (_reasons.TryGetValue(date, out var special))
            {
                reasons.AddRange(special);
            }

            if (reasons.Count == 0)
            {
                reasons.Add($"{date.DayOfWeek} (regular working day)");
            }

            return new DayInfo(date, IsWorking(date), reasons);
        }

        private void AddReason(DateOnly date, string reason)
        {
            if (!_reasons.TryGetValue(date, out var list))
            {
                _reasons[date] = list = [];
            }

            list.Add(reason);
        }
    }
}
