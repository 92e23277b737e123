using Dti.Domain.Calendar;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    [TestCase(2007, "2007-02-17")]
    [TestCase(2020, "2020-01-25")]
    [TestCase(2021, "2021-02-12")]
    [TestCase(2022, "2022-02-01")]
    [TestCase(2023, "2023-01-22")]
    [TestCase(2024, "2024-02-10")]
    [TestCase(2025, "2025-01-29")]
    [TestCase(2026, "2026-02-17")]
    [TestCase(2027, "2027-02-06")]
    [TestCase(2028, "2028-01-26")]
    [TestCase(2029, "2029-02-13")]
    [TestCase(2030, "2030-02-02")]
    [TestCase(2031, "2031-01-23")]
    [TestCase(2032, "2032-02-11")]
    [TestCase(2033, "2033-01-31")]
    [TestCase(2034, "2034-02-19")]
    [TestCase(2035, "2035-02-08")]
    public void TetFallsOnTheVietnameseDate(int year, string expected)
    {
        Assert.That(VietnameseLunarCalendar.NewYear(year), Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase(2037, "2037-04-24")]
    [TestCase(2038, "2038-04-13")]
    [TestCase(2025, "2025-04-07")]
    [TestCase(2026, "2026-04-26")]
    public void GioToHungVuongIsTheTenthDayOfTheThirdLunarMonthInUtcPlus7(int year, string expected)
    {
        Assert.That(VietnameseLunarCalendar.ToGregorian(year, 3, 10), Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void TetOf2030DiffersFromTheChineseCalendarWhichUsesUtcPlus8()
    {
        var chinese = new System.Globalization.ChineseLunisolarCalendar();
        var chineseNewYear = DateOnly.FromDateTime(chinese.ToDateTime(2030, 1, 1, 0, 0, 0, 0));

        Assert.Multiple(() =>
        {
            Assert.That(chineseNewYear, Is.EqualTo(new DateOnly(2030, 2, 3)));
            Assert.That(VietnameseLunarCalendar.NewYear(2030), Is.EqualTo(new DateOnly(2030, 2, 2)));
        });
    }

    [TestCase(2020, 4)]
    [TestCase(2023, 2)]
    [TestCase(2025, 6)]
    [TestCase(2028, 5)]
    [TestCase(2024, null)]
    public void LeapMonthIsTheOneWithoutAMajorSolarTerm(int year, int? expected)
    {
        Assert.That(VietnameseLunarCalendar.LeapMonthOf(year), Is.EqualTo(expected));
    }

    [Test]
    public void LeapMonthDaysFollowTheRegularMonthOfTheSameNumber()
    {
        // 2025 has a leap 6th month: 1/6 = 25/06/2025, 1/6 nhuận = 25/07/2025.
        Assert.Multiple(() =>
        {
            Assert.That(VietnameseLunarCalendar.ToGregorian(2025, 6, 1), Is.EqualTo(new DateOnly(2025, 6, 25)));
            Assert.That(VietnameseLunarCalendar.ToGregorian(2025, 6, 1, isLeapMonth: true), Is.EqualTo(new DateOnly(2025, 7, 25)));
        });
    }

    [Test]
    public void EveryYearFrom1990To2100HasTetBetween21JanuaryAnd20February()
    {
        for (var year = VietnameseLunarCalendar.MinYear; year <= VietnameseLunarCalendar.MaxYear; year++)
        {
            var tet = VietnameseLunarCalendar.NewYear(year);
            Assert.That(tet, Is.InRange(new DateOnly(year, 1, 21), new DateOnly(year, 2, 20)), $"Tết {year}");
        }
    }

    [Test]
    public void ALeapMonthThatDoesNotExistIsRejected()
    {
        var error = Assert.Throws<DomainException>(() => VietnameseLunarCalendar.ToGregorian(2026, 3, 1, isLeapMonth: true));
        Assert.That(error!.Rule, Is.EqualTo("lunar-date.no-such-leap-month"));
    }

    [TestCase(1989)]
    [TestCase(2101)]
    public void YearsOutsideTheSupportedRangeAreRejected(int year)
    {
        var error = Assert.Throws<DomainException>(() => VietnameseLunarCalendar.NewYear(year));
        Assert.That(error!.Rule, Is.EqualTo("calendar.year-out-of-range"));
    }
}
