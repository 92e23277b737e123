namespace Dti.Domain.Calendar;

/// <summary>
/// Official holiday schedules shipped as reference data; each year listed here replaces the computed
/// Labour Code holidays for that year in <see cref="WorkingCalendar.Default"/>.
/// </summary>
/// <remarks>
/// Add a year when the government publishes it (usually in the autumn before). Confidence is stated per
/// block: "confirmed" means taken from the published notice as recorded in shared/domain.md;
/// "believed" means as widely reported but not checked against the notice text here.
/// </remarks>
public static class OfficialSchedules
{
    /// <summary>Every shipped entry, all years.</summary>
    public static IReadOnlyList<OfficialScheduleEntry> All { get; } = [.. Year2025(), .. Year2026()];

    private static IEnumerable<OfficialScheduleEntry> Year2025()
    {
        // Believed: Tết Dương lịch, Wednesday 1/1/2025 only.
        yield return Off(2025, 1, 1, "Tết Dương lịch");

        // Believed: Tết Ất Tỵ, nine days from Saturday 25/1 to Sunday 2/2/2025.
        foreach (var day in Days(new DateOnly(2025, 1, 25), new DateOnly(2025, 2, 2)))
        {
            yield return new OfficialScheduleEntry(day, ScheduleDayKind.DayOff, "Tết Nguyên đán Ất Tỵ");
        }

        // Believed: Giỗ Tổ Hùng Vương, Monday 7/4/2025 (10/3 Ất Tỵ).
        yield return Off(2025, 4, 7, "Giỗ Tổ Hùng Vương");

        // Confirmed: Saturday 26/4/2025 worked in exchange for Friday 2/5/2025; off 30/4–4/5/2025.
        yield return new OfficialScheduleEntry(new DateOnly(2025, 4, 26), ScheduleDayKind.WorkingDay, "working day swapped for Friday 02/05/2025");
        yield return Off(2025, 4, 30, "Ngày Chiến thắng 30/4");
        yield return Off(2025, 5, 1, "Ngày Quốc tế Lao động 1/5");
        yield return Off(2025, 5, 2, "day off swapped for Saturday 26/04/2025");
        yield return Off(2025, 5, 3, "weekend within the 30/4–1/5 break");
        yield return Off(2025, 5, 4, "weekend within the 30/4–1/5 break");

        // Believed: Quốc khánh, Saturday 30/8 to Tuesday 2/9/2025 (1/9 as the adjacent day).
        foreach (var day in Days(new DateOnly(2025, 8, 30), new DateOnly(2025, 9, 2)))
        {
            yield return new OfficialScheduleEntry(day, ScheduleDayKind.DayOff, "Quốc khánh 2/9");
        }
    }

    private static IEnumerable<OfficialScheduleEntry> Year2026()
    {
        // Confirmed: Saturday 10/1/2026 is a working day; believed: it repays Friday 2/1/2026 (off 1/1–4/1).
        yield return Off(2026, 1, 1, "Tết Dương lịch");
        yield return Off(2026, 1, 2, "day off swapped for Saturday 10/01/2026");
        yield return new OfficialScheduleEntry(new DateOnly(2026, 1, 10), ScheduleDayKind.WorkingDay, "working day swapped for Friday 02/01/2026");

        // Confirmed: Tết Bính Ngọ, Saturday 14/2 to Sunday 22/2/2026.
        foreach (var day in Days(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 22)))
        {
            yield return new OfficialScheduleEntry(day, ScheduleDayKind.DayOff, "Tết Nguyên đán Bính Ngọ");
        }

        // Confirmed: Giỗ Tổ falls on Sunday 26/4/2026, so Monday 27/4/2026 is off.
        yield return Off(2026, 4, 26, "Giỗ Tổ Hùng Vương");
        yield return Off(2026, 4, 27, "compensatory day for Giỗ Tổ Hùng Vương on Sunday 26/04/2026");

        // Believed: Thursday 30/4 and Friday 1/5/2026.
        yield return Off(2026, 4, 30, "Ngày Chiến thắng 30/4");
        yield return Off(2026, 5, 1, "Ngày Quốc tế Lao động 1/5");

        // Not confirmed: the adjacent day of Quốc khánh 2026; the computed default 1/9 is used.
        yield return Off(2026, 9, 1, "Quốc khánh (adjacent day, not yet confirmed)");
        yield return Off(2026, 9, 2, "Quốc khánh 2/9");
    }

    private static OfficialScheduleEntry Off(int year, int month, int day, string reason) =>
        new(new DateOnly(year, month, day), ScheduleDayKind.DayOff, reason);

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
