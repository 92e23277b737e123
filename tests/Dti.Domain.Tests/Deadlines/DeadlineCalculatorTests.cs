using Dti.Domain.Calendar;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;

namespace Dti.Domain.Tests.Deadlines;

public class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DeadlineOccurrence Single(string ruleText, string periodId)
    {
        var rule = DeadlineRuleText.Parse(ruleText);
        return DeadlineCalculator.For(rule, ReportingPeriod.Parse(periodId), Calendar);
    }

    [TestCase("annually no later than 20/12", "2026", 2026, 12, 21)]
    [TestCase("quarterly no later than the 25th of the last month of the quarter", "2027Q3", 2027, 9, 27)]
    [TestCase("annually no later than 15/01 of the following year", "2027", 2028, 1, 17)]
    [TestCase("monthly no later than the 15th", "2026M02", 2026, 2, 23)]
    [TestCase("hằng năm chậm nhất ngày 15/01 năm sau", "2027", 2028, 1, 17)]
    [TestCase("hằng quý trước ngày 25 của tháng cuối quý", "2026Q1", 2026, 3, 24)]
    [TestCase("annually before 20/12", "2027", 2027, 12, 20)]
    [TestCase("monthly no later than the 31st", "2027M02", 2027, 3, 1)]
    public void LastAllowedDayFollowsTheRuleAndTheCalendar(string ruleText, string periodId, int year, int month, int day)
    {
        Assert.That(Single(ruleText, periodId).LastAllowedDay, Is.EqualTo(D(year, month, day)));
    }

    [Test]
    public void QuarterlyDeadlineOnSaturdayMovesToMonday()
    {
        var occurrence = Single("quarterly no later than the 25th of the last month of the quarter", "2027Q3");
        Assert.Multiple(() =>
        {
            Assert.That(occurrence.NominalDate, Is.EqualTo(D(2027, 9, 25)));
            Assert.That(occurrence.LastAllowedDay, Is.EqualTo(D(2027, 9, 27)));
            Assert.That(occurrence.Steps, Has.Member("Nominal date: 25/09/2027 (day 25 of the last month of 2027Q3)"));
            Assert.That(occurrence.Steps, Has.Member("'no later than' → last allowed day 25/09/2027"));
            Assert.That(occurrence.Steps, Has.Member("25/09/2027 is a Saturday (weekly day off) → next working day Monday 27/09/2027 (Civil Code 2015 Art. 148)"));
        });
    }

    [Test]
    public void MonthlyDeadlineInsideTheOfficialTetBreakMovesToTheFirstDayBack()
    {
        var occurrence = Single("monthly no later than the 15th", "2026M02");
        Assert.Multiple(() =>
        {
            Assert.That(occurrence.LastAllowedDay, Is.EqualTo(D(2026, 2, 23)));
            Assert.That(occurrence.Steps, Has.Some.Contains("official schedule 2026: Tết Nguyên đán Bính Ngọ"));
        });
    }

    [Test]
    public void BeforeThe25thEndsOneDayEarlierThanNoLaterThanThe25th()
    {
        // 25/06/2026 is a Thursday, so neither date is adjusted.
        var before = Single("quarterly before the 25th of the last month of the quarter", "2026Q2");
        var noLaterThan = Single("quarterly no later than the 25th of the last month of the quarter", "2026Q2");
        Assert.Multiple(() =>
        {
            Assert.That(before.LastAllowedDay, Is.EqualTo(D(2026, 6, 24)));
            Assert.That(noLaterThan.LastAllowedDay, Is.EqualTo(D(2026, 6, 25)));
        });
    }

    [Test]
    public void LastInstantIsTheEndOfTheDayInVietnamTime()
    {
        var occurrence = Single("annually no later than 20/12", "2026");
        Assert.Multiple(() =>
        {
            Assert.That(occurrence.LastAllowedInstant.Offset, Is.EqualTo(TimeSpan.FromHours(7)));
            Assert.That(occurrence.LastAllowedInstant.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("2026-12-21T23:59:59.9999999+07:00"));
            Assert.That(occurrence.LastAllowedInstant.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Does.EndWith("+07:00"));
            Assert.That(occurrence.LastAllowedInstant.AddTicks(1), Is.EqualTo(new DateTimeOffset(2026, 12, 22, 0, 0, 0, TimeSpan.FromHours(7))));
        });
    }

    [Test]
    public void WorkingDaysAfterTheCutoffSkipDaysOff()
    {
        // 2026Q1 cut-off 14/03/2026 is a Saturday: 2 working days after → Monday 16/3, Tuesday 17/3.
        var occurrence = Single("quarterly within 2 working days after the cut-off", "2026Q1");
        Assert.Multiple(() =>
        {
            Assert.That(occurrence.DataWindow, Is.EqualTo(new DataWindow(D(2025, 12, 15), D(2026, 3, 14))));
            Assert.That(occurrence.LastAllowedDay, Is.EqualTo(D(2026, 3, 17)));
        });
    }

    [Test]
    public void WithoutAdjustmentADeadlineOnSundayStays()
    {
        var occurrence = Single("annually no later than 20/12; not moved when it falls on a day off", "2026");
        Assert.Multiple(() =>
        {
            Assert.That(occurrence.LastAllowedDay, Is.EqualTo(D(2026, 12, 20)));
            Assert.That(occurrence.Steps, Has.Some.Contains("not moved"));
        });
    }

    [Test]
    public void PreviousWorkingDayAdjustmentMovesEarlier()
    {
        var occurrence = Single("annually no later than 20/12; moved to the previous working day when it falls on a day off", "2026");
        Assert.That(occurrence.LastAllowedDay, Is.EqualTo(D(2026, 12, 18)));
    }

    [Test]
    public void OccurrencesAreSelectedByTheirLastAllowedDay()
    {
        var rule = DeadlineRuleText.Parse("annually no later than 15/01 of the following year");
        var occurrences = DeadlineCalculator.Occurrences(rule, D(2027, 1, 1), D(2027, 12, 31), Calendar);
        Assert.That(occurrences.Select(o => o.PeriodId), Is.EqualTo(new[] { "2026" }));
    }

    [Test]
    public void AYearOfAQuarterlyRuleHasFourOccurrencesInOrder()
    {
        var rule = DeadlineRuleText.Parse("hằng quý chậm nhất ngày 25 của tháng cuối quý");
        var occurrences = DeadlineCalculator.Occurrences(rule, D(2027, 1, 1), D(2027, 12, 31), Calendar);
        Assert.That(occurrences.Select(o => o.PeriodId), Is.EqualTo(new[] { "2027Q1", "2027Q2", "2027Q3", "2027Q4" }));
    }

    [Test]
    public void AOneOffRuleHasASingleOccurrence()
    {
        var rule = DeadlineRuleText.Parse("once no later than 20/05/2029");
        var occurrences = DeadlineCalculator.Occurrences(rule, D(2029, 1, 1), D(2029, 12, 31), Calendar);
        Assert.Multiple(() =>
        {
            Assert.That(occurrences, Has.Count.EqualTo(1));
            Assert.That(occurrences[0].LastAllowedDay, Is.EqualTo(D(2029, 5, 21)), "20/05/2029 is a Sunday");
        });
    }

    [Test]
    public void ARangeThatEndsBeforeItStartsIsRejected()
    {
        var rule = DeadlineRuleText.Parse("monthly no later than the 15th");
        var error = Assert.Throws<DomainException>(() => DeadlineCalculator.Occurrences(rule, D(2027, 2, 1), D(2027, 1, 1), Calendar));
        Assert.That(error!.Rule, Is.EqualTo("deadline-range.invalid"));
    }

    [Test]
    public void OccurrencesAtTheEdgesOfTheSupportedYearsDoNotThrow()
    {
        var rule = DeadlineRuleText.Parse("quarterly within 5 working days after the cut-off");
        var occurrences = DeadlineCalculator.Occurrences(rule, D(1990, 1, 1), D(2100, 12, 31), Calendar);
        Assert.That(occurrences, Has.Count.InRange(443, 444));
    }

    [Test]
    public void ApplyingARuleToAPeriodOfAnotherKindIsRejected()
    {
        var rule = DeadlineRuleText.Parse("monthly no later than the 15th");
        var error = Assert.Throws<DomainException>(() => DeadlineCalculator.For(rule, ReportingPeriod.Parse("2027Q1"), Calendar));
        Assert.That(error!.Rule, Is.EqualTo("deadline-rule.period-mismatch"));
    }

    private static IEnumerable<DeadlineRule> RandomRules(Random random, int count)
    {
        var frequencies = new[] { ReportingFrequency.Monthly, ReportingFrequency.Quarterly, ReportingFrequency.HalfYearly, ReportingFrequency.NineMonthly, ReportingFrequency.Annual };
        for (var i = 0; i < count; i++)
        {
            var frequency = frequencies[random.Next(frequencies.Length)];
            DueAnchor due = random.Next(3) switch
            {
                0 => new DueAnchor.DayOfLastMonth(random.Next(1, 32)),
                1 when frequency == ReportingFrequency.Annual => new DueAnchor.FixedDate(random.Next(1, 29), random.Next(1, 13), random.Next(2) == 0),
                _ => new DueAnchor.WorkingDaysAfterCutoff(random.Next(1, 11)),
            };
            yield return DeadlineRule.Create(
                $"random {i}",
                frequency,
                due,
                (DeadlineBoundary)random.Next(2),
                (CutoffConvention)random.Next(2),
                HolidayAdjustment.NextWorkingDay);
        }
    }

    [Test]
    public void AdjustedDeadlinesAreNeverDaysOffAndNeverBeforeTheNominalCutoffDay()
    {
        var random = new Random(148);
        foreach (var rule in RandomRules(random, 300))
        {
            var year = random.Next(1991, 2099);
            foreach (var occurrence in DeadlineCalculator.Occurrences(rule, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Calendar))
            {
                var unadjusted = rule.Boundary == DeadlineBoundary.Before ? occurrence.NominalDate.AddDays(-1) : occurrence.NominalDate;
                Assert.That(Calendar.IsWorkingDay(occurrence.LastAllowedDay), Is.True, $"{rule.Name} {occurrence.PeriodId}");
                Assert.That(occurrence.LastAllowedDay, Is.GreaterThanOrEqualTo(unadjusted), $"{rule.Name} {occurrence.PeriodId}");
                Assert.That(occurrence.LastAllowedInstant.Offset, Is.EqualTo(TimeSpan.FromHours(7)));
            }
        }
    }

    [Test]
    public void EveryRuleHasOneOccurrencePerPeriodOverManyYears()
    {
        var random = new Random(912);
        foreach (var rule in RandomRules(random, 100))
        {
            var first = random.Next(1992, 2090);
            var occurrences = DeadlineCalculator.Occurrences(rule, new DateOnly(first, 1, 1), new DateOnly(first + 9, 12, 31), Calendar);
            Assert.That(occurrences.Select(o => o.PeriodId), Is.Unique, rule.Name);
            Assert.That(occurrences.Select(o => o.LastAllowedDay), Is.Ordered, rule.Name);
            var perYear = ReportingPeriod.AllOf(rule.Frequency, 2000).Count();
            Assert.That(occurrences, Has.Count.InRange(perYear * 10 - 1, perYear * 10 + 1), rule.Name);
        }
    }

    [Test]
    public void TheDataCutoffPrecedesTheDeadlineUnderDecree09ForTheProvincialReportingDay()
    {
        // Decree 09 Art. 8 and 13: cut-off on the 14th, deadline on the 25th.
        var rule = DeadlineRuleText.Parse("quarterly no later than the 25th of the last month of the quarter; legal basis: 09/2019/NĐ-CP of 08/01/2019");
        foreach (var occurrence in DeadlineCalculator.Occurrences(rule, D(2025, 1, 1), D(2035, 12, 31), Calendar))
        {
            Assert.That(Calendar.AddWorkingDays(occurrence.DataWindow.To, 1), Is.LessThanOrEqualTo(occurrence.LastAllowedDay), occurrence.PeriodId);
        }
    }
}
