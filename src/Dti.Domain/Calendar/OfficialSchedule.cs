using Dti.Domain.Common;

namespace Dti.Domain.Calendar;

/// <summary>
/// The government's official holiday schedule of one year as kept by the coordinators: the complete list of
/// that year's days off besides ordinary weekends, and the weekend days swapped into working days. While a
/// year has a schedule it replaces the Labour Code holidays computed for it (see <see cref="WorkingCalendar"/>).
/// </summary>
public sealed class OfficialSchedule : AggregateRoot
{
    public const int MaxReasonLength = 200;

    /// <summary>One entry per day at most.</summary>
    public const int MaxEntries = WorkingCalendar.MaxDaysInYear;

    private readonly List<OfficialScheduleDay> _days = [];

    private OfficialSchedule()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: increases with every change; the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<OfficialScheduleDay> Days => _days;

    /// <summary>A schedule for <paramref name="year"/> made of <paramref name="entries"/>.</summary>
    /// <exception cref="DomainException">See <see cref="Replace"/>.</exception>
    public static OfficialSchedule Create(int year, IReadOnlyList<OfficialScheduleEntry> entries, DateTimeOffset now)
    {
        if (year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear)
        {
            throw new DomainException(
                "calendar.year-out-of-range",
                $"The working calendar is supported for {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}, got {year}.",
                "year");
        }

        var schedule = new OfficialSchedule { Id = Identifiers.NewVersion7(), Year = year, CreatedAt = now };
        schedule.Replace(entries, now);
        return schedule;
    }

    /// <summary>Replaces every entry of the year. Every problem is reported at once, each under <c>entries[i].field</c>.</summary>
    /// <exception cref="DomainException">
    /// Rule <c>official-schedule.invalid</c>: no entries, a date of another year, a day listed twice, a swapped
    /// working day that is not a weekend day, or a blank or long reason.
    /// </exception>
    public void Replace(IReadOnlyList<OfficialScheduleEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (entries.Count == 0)
        {
            errors["entries"] = [$"An official schedule lists at least one day; to fall back to the computed calendar for {Year}, delete the schedule instead."];
        }

        var seen = new HashSet<DateOnly>();
        var cleaned = new List<OfficialScheduleEntry>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Date.Year != Year)
            {
                errors[$"entries[{i}].date"] = [$"{CalendarText.Date(entry.Date)} is not in {Year}; a year's schedule lists only days of that year."];
            }
            else if (!seen.Add(entry.Date))
            {
                errors[$"entries[{i}].date"] = [$"{CalendarText.Date(entry.Date)} is listed more than once."];
            }

            if (!Enum.IsDefined(entry.Kind))
            {
                errors[$"entries[{i}].kind"] = ["The kind must be DayOff or WorkingDay."];
            }
            else if (entry.Kind == ScheduleDayKind.WorkingDay && !CalendarText.IsWeekend(entry.Date))
            {
                errors[$"entries[{i}].kind"] = [$"{CalendarText.DayAndDate(entry.Date)} is already a working day; only a weekend day can be swapped into one."];
            }

            var reason = entry.Reason is { } given ? Nfc.Of(given.Trim()) : null;
            if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
            {
                errors[$"entries[{i}].reason"] = [$"The reason is required and at most {MaxReasonLength} characters."];
            }

            cleaned.Add(entry with { Reason = reason ?? string.Empty });
        }

        if (errors.Count > 0)
        {
            throw new DomainException("official-schedule.invalid", $"The official schedule for {Year} has {errors.Count} problem(s).", errors);
        }

        _days.Clear();
        _days.AddRange(cleaned.OrderBy(e => e.Date).Select(e => new OfficialScheduleDay(Id, e)));
        UpdatedAt = now;
        Version++;
        Raise(new OfficialScheduleReplaced(Id, Year, Version, _days.Count));
    }

    /// <summary>Records that the schedule is being deleted; the caller then removes it from the store.</summary>
    public void Delete() => Raise(new OfficialScheduleDeleted(Id, Year));

    public IEnumerable<OfficialScheduleEntry> Entries() => _days.Select(d => d.ToEntry());
}

/// <summary>One day of an <see cref="OfficialSchedule"/>.</summary>
public sealed class OfficialScheduleDay
{
    internal OfficialScheduleDay(Guid officialScheduleId, OfficialScheduleEntry entry)
    {
        Id = Identifiers.NewVersion7();
        OfficialScheduleId = officialScheduleId;
        Date = entry.Date;
        Kind = entry.Kind;
        Reason = entry.Reason;
    }

    private OfficialScheduleDay()
    {
    }

    public Guid Id { get; private set; }

    public Guid OfficialScheduleId { get; private set; }

    public DateOnly Date { get; private set; }

    public ScheduleDayKind Kind { get; private set; }

    public string Reason { get; private set; } = null!;

    public OfficialScheduleEntry ToEntry() => new(Date, Kind, Reason);
}
