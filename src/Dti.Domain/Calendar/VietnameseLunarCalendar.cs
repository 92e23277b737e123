using Dti.Domain.Common;

namespace Dti.Domain.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
/// </summary>
/// <remarks>
/// <para>
/// Vietnam and China use the same rules but different meridians (UTC+7 versus UTC+8), so a new moon
/// shortly after 23:00 in Hanoi starts a month one day earlier than in Beijing. .NET's
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> follows China and is therefore wrong for
/// Vietnam in some years (Tết 2030 is 02/02/2030 here, 03/02/2030 there).
/// </para>
/// <para>The rules used:</para>
/// <list type="number">
/// <item>A month starts on the local (UTC+7) day that contains the astronomical new moon. New moons come
/// from the truncated lunar-phase series in Jean Meeus' <i>Astronomical Formulae for Calculators</i>
/// (mean lunation plus the main periodic terms of the Sun's and Moon's anomalies and the Moon's argument
/// of latitude), corrected for ΔT.</item>
/// <item>The month containing the winter solstice (Sun's apparent longitude 270°) is month 11.</item>
/// <item>When 13 new moons start between two month-11s, the first month in which no major solar term
/// (trung khí: a multiple of 30° of solar longitude) begins is the leap month and repeats the number of
/// the month before it. A month "contains" a term when the Sun's longitude sector at the local midnight
/// starting the next month differs from the one at the local midnight starting this month.</item>
/// <item>The Sun's apparent longitude uses the low-accuracy series (mean longitude plus equation of
/// centre) from Meeus' <i>Astronomical Algorithms</i>, ch. 25 — accurate to about 0.01°.</item>
/// </list>
/// <para>Supported lunar years are <see cref="MinYear"/>–<see cref="MaxYear"/>; results are cached.</para>
/// </remarks>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    private const double TimeZoneHours = 7.0;

    /// <summary>Julian day number of 0001-01-01 (proleptic Gregorian), i.e. of <see cref="DateOnly.DayNumber"/> 0.</summary>
    private const int JulianDayOfDayNumberZero = 1_721_426;

    /// <summary>Julian date of the new moon of 1900-01-01 (lunation k = 0 in the series below).</summary>
    private const double LunationZero = 2_415_021.076998695;

    private const double SynodicMonth = 29.530588853;

    private const int FirstSpan = MinYear - 1;
    private const int LastSpan = MaxYear + 1;

    private static readonly LunarSpan?[] Spans = new LunarSpan?[LastSpan - FirstSpan + 1];

    /// <summary>Converts a lunar date to the Gregorian calendar.</summary>
    /// <param name="lunarYear">The lunar year, numbered by the Gregorian year in which its Tết falls.</param>
    /// <param name="month">Lunar month 1–12.</param>
    /// <param name="day">Lunar day 1–30 (months have 29 or 30 days).</param>
    /// <param name="isLeapMonth">True for the leap (nhuận) month that repeats <paramref name="month"/>.</param>
    /// <exception cref="DomainException">The year is out of range or the date does not exist.</exception>
    public static DateOnly ToGregorian(int lunarYear, int month, int day, bool isLeapMonth = false)
    {
        EnsureYear(lunarYear);
        if (month is < 1 or > 12)
        {
            throw new DomainException("lunar-date.invalid-month", $"Lunar month must be 1–12, got {month}.", "month");
        }

        // Months 11 and 12 (and a leap 11 or 12) of lunar year Y lie in the span that ends at month 11 of Y + 1.
        var span = SpanEndingIn(month >= 11 ? lunarYear + 1 : lunarYear);
        var index = span.IndexOf(month, isLeapMonth);
        if (index < 0)
        {
            throw new DomainException(
                "lunar-date.no-such-leap-month",
                $"Lunar year {lunarYear} has no leap month {month}.",
                "isLeapMonth");
        }

        var length = span.MonthStarts[index + 1] - span.MonthStarts[index];
        if (day < 1 || day > length)
        {
            throw new DomainException(
                "lunar-date.invalid-day",
                $"Lunar month {month}{(isLeapMonth ? " (leap)" : string.Empty)} of {lunarYear} has {length} days, got day {day}.",
                "day");
        }

        return DateOnly.FromDayNumber(span.MonthStarts[index] + day - 1);
    }

    /// <summary>The first day of the lunar year (mùng 1 Tết) that falls in Gregorian year <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToGregorian(year, 1, 1);

    /// <summary>The leap month of a lunar year (the number it repeats), or null when the year has none.</summary>
    public static int? LeapMonthOf(int lunarYear)
    {
        EnsureYear(lunarYear);
        return LeapIn(SpanEndingIn(lunarYear), month => month <= 10)
            ?? LeapIn(SpanEndingIn(lunarYear + 1), month => month >= 11);
    }

    private static int? LeapIn(LunarSpan span, Func<int, bool> belongsToYear)
    {
        for (var i = 0; i < span.Numbers.Length; i++)
        {
            if (span.IsLeap[i] && belongsToYear(span.Numbers[i]))
            {
                return span.Numbers[i];
            }
        }

        return null;
    }

    private static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainException(
                "calendar.year-out-of-range",
                $"The Vietnamese calendar is supported for {MinYear}–{MaxYear}, got {year}.",
                "year");
        }
    }

    /// <summary>The months from month 11 of <c>year - 1</c> up to (not including) month 11 of <c>year</c>.</summary>
    private static LunarSpan SpanEndingIn(int year)
    {
        var slot = year - FirstSpan;
        var span = Volatile.Read(ref Spans[slot]);
        if (span is null)
        {
            span = ComputeSpan(year);
            Interlocked.CompareExchange(ref Spans[slot], span, null);
        }

        return span;
    }

    private static LunarSpan ComputeSpan(int year)
    {
        var start = Month11Start(year - 1);
        var end = Month11Start(year);
        var k = (int)Math.Floor((start + JulianDayOfDayNumberZero - LunationZero) / SynodicMonth + 0.5);
        var count = (int)Math.Round((end - start) / SynodicMonth);

        var starts = new int[count + 1];
        for (var i = 0; i <= count; i++)
        {
            starts[i] = NewMoonDay(k + i);
        }

        var leapIndex = -1;
        if (count == 13)
        {
            for (var i = 1; i < count; i++)
            {
                if (MajorTermSector(starts[i]) == MajorTermSector(starts[i + 1]))
                {
                    leapIndex = i;
                    break;
                }
            }
        }

        var numbers = new int[count];
        var isLeap = new bool[count];
        var number = 11;
        for (var i = 0; i < count; i++)
        {
            if (i == leapIndex)
            {
                isLeap[i] = true;
            }
            else if (i > 0)
            {
                number = number % 12 + 1;
            }

            numbers[i] = number;
        }

        return new LunarSpan(starts, numbers, isLeap);
    }

    /// <summary>Day number of the first day of the lunar month that contains the winter solstice of <paramref name="year"/>.</summary>
    private static int Month11Start(int year)
    {
        var lastDayOfYear = new DateOnly(year, 12, 31).DayNumber;
        var k = (int)Math.Floor(((lastDayOfYear + JulianDayOfDayNumberZero) - 2_415_021) / SynodicMonth);
        var newMoon = NewMoonDay(k);

        // Sector 9 starts at 270°: if the new moon found is already past the solstice, take the one before.
        return MajorTermSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>Day number (local UTC+7 day) of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k)
    {
        var julianDate = NewMoon(k) + 0.5 + TimeZoneHours / 24.0;
        return (int)Math.Floor(julianDate) - JulianDayOfDayNumberZero;
    }

    /// <summary>Julian date (UT) of the k-th new moon after 1900-01-01.</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;

        var mean = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Sin(166.56 + 132.87 * t - 0.009173 * t2);

        var sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var latitudeArgument = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;

        var correction = (0.1734 - 0.000393 * t) * Sin(sunAnomaly)
            + 0.0021 * Sin(2 * sunAnomaly)
            - 0.4068 * Sin(moonAnomaly)
            + 0.0161 * Sin(2 * moonAnomaly)
            - 0.0004 * Sin(3 * moonAnomaly)
            + 0.0104 * Sin(2 * latitudeArgument)
            - 0.0051 * Sin(sunAnomaly + moonAnomaly)
            - 0.0074 * Sin(sunAnomaly - moonAnomaly)
            + 0.0004 * Sin(2 * latitudeArgument + sunAnomaly)
            - 0.0004 * Sin(2 * latitudeArgument - sunAnomaly)
            - 0.0006 * Sin(2 * latitudeArgument + moonAnomaly)
            + 0.0010 * Sin(2 * latitudeArgument - moonAnomaly)
            + 0.0005 * Sin(2 * moonAnomaly + sunAnomaly);

        // ΔT (TT − UT) in days, polynomial fits before/after 1900 − 1100 years.
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;

        return mean + correction - deltaT;
    }

    /// <summary>Which 30° sector (0–11) the Sun's apparent longitude is in at local midnight starting the day.</summary>
    private static int MajorTermSector(int dayNumber)
    {
        var julianDate = dayNumber + JulianDayOfDayNumberZero - 0.5 - TimeZoneHours / 24.0;
        return (int)(SunLongitude(julianDate) / 30.0);
    }

    /// <summary>The Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian date.</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2_451_545.0) / 36_525;
        var t2 = t * t;
        var meanAnomaly = 357.52910 + 35_999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Sin(2 * meanAnomaly)
            + 0.000290 * Sin(3 * meanAnomaly);

        var longitude = (meanLongitude + centre) % 360.0;
        return longitude < 0 ? longitude + 360.0 : longitude;
    }

    private static double Sin(double degrees) => Math.Sin(degrees * Math.PI / 180.0);

    /// <summary>Month starts (one more than months, the last is the next month 11), numbers and leap flags.</summary>
    private sealed record LunarSpan(int[] MonthStarts, int[] Numbers, bool[] IsLeap)
    {
        public int IndexOf(int month, bool leap)
        {
            for (var i = 0; i < Numbers.Length; i++)
            {
                if (Numbers[i] == month && IsLeap[i] == leap)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
