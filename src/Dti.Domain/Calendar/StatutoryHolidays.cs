namespace Dti.Domain.Calendar;

/// <summary>
/// The public holidays of Labour Code 2019 (Bộ luật Lao động 2019) Art. 112, computed for a year when the
/// government has published no official schedule for it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>1/1; Tết Nguyên đán 5 days; Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; Quốc khánh 2/9 plus one
/// adjacent day.</item>
/// <item>Tết: the computed default is the last day of the old lunar year plus days 1–4 of the new one.
/// Each year the Prime Minister picks the actual five days, so an official schedule overrides this.</item>
/// <item>Quốc khánh: Art. 112 lets the government choose 1/9 or 3/9 as the adjacent day. The default here is
/// 1/9 (chosen in 2021, 2023 and 2025); when 2/9 is a Monday and 1/9 a Sunday, the compensatory rule below
/// yields 3/9 anyway, which is what the 2024 schedule did.</item>
/// <item>A holiday on a weekly day off (Saturday, Sunday), or on a day already taken by another holiday,
/// gives the next day that is neither a weekend nor already off. Holidays are placed first, then
/// compensatory days in date order, so 30/4 and 1/5 on a weekend give Monday and Tuesday.</item>
/// </list>
/// </remarks>
internal static class StatutoryHolidays
{
    private const string Source = "Labour Code 2019 Art. 112";

    public static IReadOnlyList<Holiday> Compute(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var occurrences = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "Tết Dương lịch (New Year's Day)"),
            (tet.AddDays(-1), "Tết Nguyên đán (last day of the lunar year)"),
            (tet, "Tết Nguyên đán (lunar day 1)"),
            (tet.AddDays(1), "Tết Nguyên đán (lunar day 2)"),
            (tet.AddDays(2), "Tết Nguyên đán (lunar day 3)"),
            (tet.AddDays(3), "Tết Nguyên đán (lunar day 4)"),
            (VietnameseLunarCalendar.ToGregorian(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 lunar)"),
            (new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)"),
            (new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"),
            (new DateOnly(year, 9, 1), "Quốc khánh (adjacent day, default 1/9)"),
            (new DateOnly(year, 9, 2), "Quốc khánh (2/9)"),
        };
        occurrences.Sort((a, b) => a.Date.CompareTo(b.Date));

        var taken = new HashSet<DateOnly>();
        var holidays = new List<Holiday>();
        var needCompensation = new List<(DateOnly Date, string Name)>();
        foreach (var (date, name) in occurrences)
        {
            holidays.Add(new Holiday(date, name, HolidaySource.Statutory, $"{name} ({Source})"));
            if (CalendarText.IsWeekend(date) || !taken.Add(date))
            {
                needCompensation.Add((date, name));
            }
        }

        foreach (var (date, name) in needCompensation)
        {
            var day = date.AddDays(1);
            while (CalendarText.IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            holidays.Add(new Holiday(
                day,
                $"Compensatory day for {name}",
                HolidaySource.Compensatory,
                $"compensatory day for {name} on {CalendarText.DayAndDate(date)} ({Source})"));
        }

        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return holidays;
    }
}
