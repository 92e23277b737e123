using Dti.Domain.Calendar;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Computed = WorkingCalendar.Create([]);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public void TheOfficialTetBreakOf2026RunsFrom14To22February()
    {
        var calendar = WorkingCalendar.Default;
        Assert.Multiple(() =>
        {
            Assert.That(calendar.IsWorkingDay(D(2026, 2, 13)), Is.True, "Friday 13/2");
            for (var day = D(2026, 2, 14); day <= D(2026, 2, 22); day = day.AddDays(1))
            {
                Assert.That(calendar.IsWorkingDay(day), Is.False, day.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.That(calendar.IsWorkingDay(D(2026, 2, 23)), Is.True, "Monday 23/2");
        });
    }

    [Test]
    public void GioToOnSunday26April2026GivesMonday27AprilOff()
    {
        var info = WorkingCalendar.Default.Explain(D(2026, 4, 27));
        Assert.Multiple(() =>
        {
            Assert.That(info.IsWorkingDay, Is.False);
            Assert.That(info.Reasons, Has.Some.Contains("compensatory day for Giỗ Tổ Hùng Vương on Sunday 26/04/2026"));
        });
    }

    [Test]
    public void TheComputedCalendarAlsoGivesMonday27April2026ForGioTo()
    {
        var info = Computed.Explain(D(2026, 4, 27));
        Assert.Multiple(() =>
        {
            Assert.That(info.IsWorkingDay, Is.False);
            Assert.That(info.Reasons.Single(), Does.StartWith("compensatory day for Giỗ Tổ Hùng Vương (10/3 lunar) on Sunday 26/04/2026"));
        });
    }

    [TestCase(2026, 1, 10)]
    [TestCase(2025, 4, 26)]
    public void ASwappedSaturdayIsAWorkingDay(int year, int month, int day)
    {
        var info = WorkingCalendar.Default.Explain(D(year, month, day));
        Assert.Multiple(() =>
        {
            Assert.That(info.IsWorkingDay, Is.True);
            Assert.That(info.Reasons, Has.Member("Saturday (weekly day off)"));
            Assert.That(info.Reasons, Has.Some.StartsWith($"official schedule {year}: working day swapped"));
        });
    }

    [Test]
    public void Friday2May2025IsOffInExchangeForSaturday26April()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WorkingCalendar.Default.IsWorkingDay(D(2025, 4, 30)), Is.False);
            Assert.That(WorkingCalendar.Default.IsWorkingDay(D(2025, 5, 1)), Is.False);
            Assert.That(WorkingCalendar.Default.IsWorkingDay(D(2025, 5, 2)), Is.False);
            Assert.That(WorkingCalendar.Default.IsWorkingDay(D(2025, 5, 5)), Is.True);
            Assert.That(Computed.IsWorkingDay(D(2025, 5, 2)), Is.True, "without the official schedule 2/5 is worked");
        });
    }

    [Test]
    public void WeekendsAreExplainedAsWeeklyDaysOff()
    {
        var info = WorkingCalendar.Default.Explain(D(2027, 9, 25));
        Assert.Multiple(() =>
        {
            Assert.That(info.IsWorkingDay, Is.False);
            Assert.That(info.Reasons, Is.EqualTo(new[] { "Saturday (weekly day off)" }));
        });
    }

    [Test]
    public void AComputedTetDayCitesTheLabourCode()
    {
        var info = Computed.Explain(D(2027, 2, 8));
        Assert.Multiple(() =>
        {
            Assert.That(info.IsWorkingDay, Is.False);
            Assert.That(info.Reasons, Has.Some.Contains("Tết Nguyên đán").And.Contains("(Labour Code 2019 Art. 112)"));
        });
    }

    [Test]
    public void ComputedTetIsTheLastDayOfTheLunarYearAndTheFirstFourDays()
    {
        // Tết 2027 is Saturday 6/2/2027: 5/2 (Fri) .. 9/2 (Tue), with Sat 6/2 and Sun 7/2 compensated by Wed 10/2 and Thu 11/2.
        var tet = Computed.HolidaysOf(2027).Where(h => h.Date.Month == 2).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(
                tet.Where(h => h.Source == HolidaySource.Statutory).Select(h => h.Date),
                Is.EqualTo(new[] { D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8), D(2027, 2, 9) }));
            Assert.That(
                tet.Where(h => h.Source == HolidaySource.Compensatory).Select(h => h.Date),
                Is.EqualTo(new[] { D(2027, 2, 10), D(2027, 2, 11) }));
        });
    }

    [Test]
    public void ThirtyAprilAndFirstMayOnAWeekendGiveMondayAndTuesdayOff()
    {
        // 2022: 30/4 Saturday, 1/5 Sunday.
        var compensatory = Computed.HolidaysOf(2022)
            .Where(h => h.Source == HolidaySource.Compensatory && h.Date.Month == 5)
            .Select(h => h.Date);
        Assert.That(compensatory, Is.EqualTo(new[] { D(2022, 5, 2), D(2022, 5, 3) }));
    }

    [Test]
    public void NationalDayTakesFirstSeptemberAsTheAdjacentDayByDefault()
    {
        // 2027: 1/9 Wednesday, 2/9 Thursday.
        Assert.Multiple(() =>
        {
            Assert.That(Computed.IsWorkingDay(D(2027, 9, 1)), Is.False);
            Assert.That(Computed.IsWorkingDay(D(2027, 9, 2)), Is.False);
            Assert.That(Computed.IsWorkingDay(D(2027, 9, 3)), Is.True);
        });
    }

    [Test]
    public void NationalDayOnMondayWithAdjacentSundayGivesTuesdayOff()
    {
        // 2024: 1/9 Sunday, 2/9 Monday → 3/9 Tuesday off, as the 2024 schedule did.
        Assert.That(Computed.IsWorkingDay(D(2024, 9, 3)), Is.False);
    }

    [Test]
    public void NewYearsDayOnSundayGivesMondayOff()
    {
        // 1/1/2023 was a Sunday.
        Assert.That(Computed.IsWorkingDay(D(2023, 1, 2)), Is.False);
    }

    [Test]
    public void NextAndPreviousWorkingDaySkipTheTetBreak()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WorkingCalendar.Default.NextWorkingDay(D(2026, 2, 13)), Is.EqualTo(D(2026, 2, 23)));
            Assert.That(WorkingCalendar.Default.PreviousWorkingDay(D(2026, 2, 23)), Is.EqualTo(D(2026, 2, 13)));
        });
    }

    [TestCase(2026, 2, 12, 2, 2026, 2, 23)]
    [TestCase(2026, 2, 23, -2, 2026, 2, 12)]
    [TestCase(2027, 9, 24, 0, 2027, 9, 24)]
    [TestCase(2027, 9, 24, 5, 2027, 10, 1)]
    public void AddWorkingDaysCountsOnlyWorkingDays(int y, int m, int d, int n, int ey, int em, int ed)
    {
        Assert.That(WorkingCalendar.Default.AddWorkingDays(D(y, m, d), n), Is.EqualTo(D(ey, em, ed)));
    }

    [Test]
    public void AnOfficialScheduleReplacesTheComputedHolidaysOfItsYear()
    {
        var calendar = WorkingCalendar.Create([new OfficialScheduleEntry(D(2030, 1, 1), ScheduleDayKind.DayOff, "Tết Dương lịch")]);
        Assert.Multiple(() =>
        {
            Assert.That(calendar.HasOfficialSchedule(2030), Is.True);
            Assert.That(calendar.HolidaysOf(2030), Has.Count.EqualTo(1));
            Assert.That(calendar.IsWorkingDay(D(2030, 2, 4)), Is.True, "computed Tết 2030 is not in the schedule");
            Assert.That(Computed.IsWorkingDay(D(2030, 2, 4)), Is.False);
        });
    }

    [Test]
    public void ASwappedWorkingDayOnAWeekdayIsRejected()
    {
        var error = Assert.Throws<DomainException>(() =>
            WorkingCalendar.Create([new OfficialScheduleEntry(D(2030, 1, 2), ScheduleDayKind.WorkingDay, "x")]));
        Assert.That(error!.Rule, Is.EqualTo("official-schedule.working-day-not-weekend"));
    }

    [Test]
    public void TheSameDayListedTwiceIsRejected()
    {
        var entry = new OfficialScheduleEntry(D(2030, 1, 1), ScheduleDayKind.DayOff, "x");
        var error = Assert.Throws<DomainException>(() => WorkingCalendar.Create([entry, entry]));
        Assert.That(error!.Rule, Is.EqualTo("official-schedule.duplicate-day"));
    }

    [Test]
    public void DatesOutsideTheSupportedYearsAreRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => WorkingCalendar.Default.IsWorkingDay(D(1989, 12, 31)), Throws.TypeOf<DomainException>());
            Assert.That(() => WorkingCalendar.Default.NextWorkingDay(D(2100, 12, 31)), Throws.TypeOf<DomainException>());
        });
    }

    [Test]
    public void EveryComputedYearHasElevenStatutoryHolidaysAndNoStatutoryWorkingDayOff()
    {
        for (var year = WorkingCalendar.MinYear; year <= WorkingCalendar.MaxYear; year++)
        {
            var holidays = Computed.HolidaysOf(year);
            Assert.That(holidays.Count(h => h.Source == HolidaySource.Statutory), Is.EqualTo(11), $"{year}");
            foreach (var holiday in holidays)
            {
                Assert.That(Computed.IsWorkingDay(holiday.Date), Is.False, $"{holiday.Date}");
            }

            foreach (var compensatory in holidays.Where(h => h.Source == HolidaySource.Compensatory))
            {
                Assert.That(compensatory.Date.DayOfWeek, Is.Not.EqualTo(DayOfWeek.Saturday).And.Not.EqualTo(DayOfWeek.Sunday));
            }
        }
    }

    [Test]
    public void ConcurrentFirstUseGivesTheSameAnswers()
    {
        var calendar = WorkingCalendar.Create(OfficialSchedules.All);
        var results = new bool[8][];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = Enumerable.Range(0, 3650).Select(d => calendar.IsWorkingDay(D(2020, 1, 1).AddDays(d))).ToArray();
        });
        foreach (var result in results)
        {
            Assert.That(result, Is.EqualTo(results[0]));
        }
    }
}
