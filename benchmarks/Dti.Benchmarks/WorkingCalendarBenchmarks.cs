using System.Reflection;
using BenchmarkDotNet.Attributes;
using Dti.Domain.Calendar;

namespace Dti.Benchmarks;

/// <summary>
/// What the working calendar costs: building years from scratch (cold, including the astronomical lunar
/// computation) and answering <see cref="WorkingCalendar.IsWorkingDay"/> from the per-year cache (warm).
/// </summary>
[MemoryDiagnoser]
public class WorkingCalendarBenchmarks
{
    private const int FirstYear = WorkingCalendar.MinYear;
    private const int YearCount = WorkingCalendar.MaxYear - WorkingCalendar.MinYear + 1;
    private const int LookupDays = 3653;

    // The lunar month tables are cached for the process; the cold benchmark empties that cache each time.
    private static readonly Array LunarCache = (Array)typeof(VietnameseLunarCalendar)
        .GetField("Spans", BindingFlags.NonPublic | BindingFlags.Static)!
        .GetValue(null)!;

    private WorkingCalendar _warm = WorkingCalendar.Default;
    private DateOnly[] _days = [];

    [GlobalSetup]
    public void Setup()
    {
        _warm = WorkingCalendar.Create(OfficialSchedules.All);
        var first = new DateOnly(2026, 1, 1);
        _days = Enumerable.Range(0, LookupDays).Select(first.AddDays).ToArray();
        foreach (var day in _days)
        {
            _warm.IsWorkingDay(day);
        }
    }

    [Benchmark(OperationsPerInvoke = YearCount, Description = "cold: build one year incl. lunar computation (per year, 111 years)")]
    public int ColdYearWithLunar()
    {
        Array.Clear(LunarCache);
        return BuildAllYears();
    }

    [Benchmark(OperationsPerInvoke = YearCount, Description = "cold: build one year, lunar months cached (per year, 111 years)")]
    public int ColdYearLunarCached() => BuildAllYears();

    [Benchmark(OperationsPerInvoke = LookupDays, Description = "warm: IsWorkingDay (per lookup, 3653 days)")]
    public int WarmIsWorkingDay()
    {
        var working = 0;
        foreach (var day in _days)
        {
            if (_warm.IsWorkingDay(day))
            {
                working++;
            }
        }

        return working;
    }

    private static int BuildAllYears()
    {
        var calendar = WorkingCalendar.Create([]);
        var holidays = 0;
        for (var year = FirstYear; year < FirstYear + YearCount; year++)
        {
            holidays += calendar.HolidaysOf(year).Count;
        }

        return holidays;
    }
}
