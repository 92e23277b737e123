using System.Text;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;

namespace Dti.Domain.Tests.Deadlines;

public class DeadlineRuleTextTests
{
    private static IEnumerable<TestCaseData> UnderstoodTexts()
    {
        yield return Case("quarterly before the 25th of the last month of the quarter", ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.Before);
        yield return Case("annually before 20/12", ReportingFrequency.Annual, new DueAnchor.FixedDate(20, 12, false), DeadlineBoundary.Before);
        yield return Case("annually before 15/01 of the following year", ReportingFrequency.Annual, new DueAnchor.FixedDate(15, 1, true), DeadlineBoundary.Before);
        yield return Case("annually no later than 20/12", ReportingFrequency.Annual, new DueAnchor.FixedDate(20, 12, false), DeadlineBoundary.NoLaterThan);
        yield return Case("monthly no later than the 15th", ReportingFrequency.Monthly, new DueAnchor.DayOfLastMonth(15), DeadlineBoundary.NoLaterThan);
        yield return Case("hằng quý trước ngày 25 của tháng cuối quý", ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.Before);
        yield return Case("hằng năm trước ngày 20/12", ReportingFrequency.Annual, new DueAnchor.FixedDate(20, 12, false), DeadlineBoundary.Before);
        yield return Case("hằng năm chậm nhất ngày 15/01 năm sau", ReportingFrequency.Annual, new DueAnchor.FixedDate(15, 1, true), DeadlineBoundary.NoLaterThan);
        yield return Case("monthly within 2 working days after the cut-off", ReportingFrequency.Monthly, new DueAnchor.WorkingDaysAfterCutoff(2), DeadlineBoundary.NoLaterThan);
        yield return Case("hằng quý trong vòng 2 ngày làm việc sau ngày chốt số liệu", ReportingFrequency.Quarterly, new DueAnchor.WorkingDaysAfterCutoff(2), DeadlineBoundary.NoLaterThan);
        yield return Case("  QUARTERLY   No Later Than  the 25th ", ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.NoLaterThan);
        yield return Case("Hằng Quý, chậm nhất ngày 25", ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.NoLaterThan);
        yield return Case("once no later than 20/05/2029", ReportingFrequency.OneOff, new DueAnchor.ExplicitDate(new DateOnly(2029, 5, 20)), DeadlineBoundary.NoLaterThan);
        yield return Case("half-yearly before the 20th of the last month of the half-year", ReportingFrequency.HalfYearly, new DueAnchor.DayOfLastMonth(20), DeadlineBoundary.Before);
        yield return Case("định kỳ 9 tháng chậm nhất ngày 20 của tháng cuối kỳ", ReportingFrequency.NineMonthly, new DueAnchor.DayOfLastMonth(20), DeadlineBoundary.NoLaterThan);
    }

    private static TestCaseData Case(string text, ReportingFrequency frequency, DueAnchor due, DeadlineBoundary boundary) =>
        new TestCaseData(text, frequency, due, boundary).SetArgDisplayNames(text.Trim());

    [TestCaseSource(nameof(UnderstoodTexts))]
    public void TextIsUnderstoodWithDefaultAdjustmentAndCutoff(string text, ReportingFrequency frequency, DueAnchor due, DeadlineBoundary boundary)
    {
        var rule = DeadlineRuleText.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(rule.Frequency, Is.EqualTo(frequency));
            Assert.That(rule.Due, Is.EqualTo(due));
            Assert.That(rule.Boundary, Is.EqualTo(boundary));
            Assert.That(rule.Adjustment, Is.EqualTo(HolidayAdjustment.NextWorkingDay));
            Assert.That(rule.Cutoff, Is.EqualTo(CutoffConvention.Decree09));
            Assert.That(rule.LegalBasis, Is.Null);
        });
    }

    [Test]
    public void DecomposedVietnameseIsUnderstoodLikeComposed()
    {
        const string text = "hằng năm chậm nhất ngày 15/01 năm sau";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        Assert.That(decomposed, Is.Not.EqualTo(text));
        Assert.That(DeadlineRuleText.Parse(decomposed, "r"), Is.EqualTo(DeadlineRuleText.Parse(text, "r")));
    }

    [Test]
    public void ClausesSetAdjustmentCutoffAndLegalBasis()
    {
        var rule = DeadlineRuleText.Parse(
            "quarterly no later than the 25th; data by calendar period; not moved when it falls on a day off; legal basis: 09/2019/NĐ-CP of 08/01/2019");
        Assert.Multiple(() =>
        {
            Assert.That(rule.Cutoff, Is.EqualTo(CutoffConvention.CalendarPeriod));
            Assert.That(rule.Adjustment, Is.EqualTo(HolidayAdjustment.None));
            Assert.That(rule.LegalBasis, Is.EqualTo(new LegalBasis("09/2019/NĐ-CP", new DateOnly(2019, 1, 8))));
        });
    }

    [Test]
    public void VietnameseClausesAreUnderstood()
    {
        var rule = DeadlineRuleText.Parse(
            "hằng tháng chậm nhất ngày 15; nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước; số liệu theo kỳ dương lịch; căn cứ: 09/2019/NĐ-CP ngày 08/01/2019");
        Assert.Multiple(() =>
        {
            Assert.That(rule.Adjustment, Is.EqualTo(HolidayAdjustment.PreviousWorkingDay));
            Assert.That(rule.Cutoff, Is.EqualTo(CutoffConvention.CalendarPeriod));
            Assert.That(rule.LegalBasis, Is.EqualTo(new LegalBasis("09/2019/NĐ-CP", new DateOnly(2019, 1, 8))));
        });
    }

    [TestCase("fortnightly before the 25th", "'fortnightly' at position 0", "a frequency such as 'monthly', 'quarterly'")]
    [TestCase("quarterly around the 25th", "'around' at position 10", "'before', 'no later than'")]
    [TestCase("hằng quý trước ngày mười lăm", "'mười' at position 20", "a day such as 'the 25th'")]
    [TestCase("annually before 20/12 unless it rains", "'unless' at position 22", "a clause such as")]
    [TestCase("quarterly within 2 working days", "ends at position 31", "'after the cut-off'")]
    [TestCase("monthly before the 15x", "'15x' at position 19", "a day such as")]
    public void NotUnderstoodTextNamesTheFailingPart(string text, string where, string expected)
    {
        var error = Assert.Throws<DomainException>(() => DeadlineRuleText.Parse(text));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Rule, Is.EqualTo("deadline-rule.text-not-understood"));
            Assert.That(error.Field, Is.EqualTo("text"));
            Assert.That(error.Message, Does.Contain(where));
            Assert.That(error.Message, Does.Contain(expected));
        });
    }

    [TestCase("hằng quí trước ngày 25", "'hằng' at position 0; did you mean 'hằng quý'")]
    [TestCase("quarterly befor the 25th", "'befor' at position 10; did you mean 'before'")]
    [TestCase("hằng quý trước ngày 25 thang cuoi qui", "'thang' at position 23; did you mean 'tháng cuối quý'")]
    public void AMisspeltWordGetsTheNearestKnownPhrases(string text, string message)
    {
        var error = Assert.Throws<DomainException>(() => DeadlineRuleText.Parse(text));
        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void ThePlan170SentenceHoldsTwoRulesAndAdHocReports()
    {
        var read = DeadlineRuleText.Read("đột xuất, định kỳ hàng quý (trước ngày 25 tháng cuối quý) và hàng năm (trước ngày 20/12)");
        Assert.Multiple(() =>
        {
            Assert.That(read.AdHocReportsAlsoRequired, Is.True);
            Assert.That(read.Rules.Select(r => (r.Frequency, r.Due, r.Boundary)), Is.EqualTo(new (ReportingFrequency, DueAnchor, DeadlineBoundary)[]
            {
                (ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.Before),
                (ReportingFrequency.Annual, new DueAnchor.FixedDate(20, 12, false), DeadlineBoundary.Before),
            }));
            Assert.That(read.Rules.Select(r => r.Name), Is.EqualTo(new[] { "hằng quý trước ngày 25 của tháng cuối quý", "hằng năm trước ngày 20/12" }));
        });
    }

    [Test]
    public void ParsingOneRuleFromSeveralOrFromAdHocOnlyIsRefused()
    {
        Assert.That(
            () => DeadlineRuleText.Parse("hằng quý trước ngày 25 và hằng năm trước ngày 20/12"),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("deadline-rule.several-rules"));
        Assert.That(
            () => DeadlineRuleText.Parse("báo cáo đột xuất"),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("deadline-rule.no-periodic-rule"));
    }

    [Test]
    public void TheShapesOfRulesStoredBeforeKeepTheirWording()
    {
        var basis = new LegalBasis("09/2019/NĐ-CP", new DateOnly(2019, 1, 8));
        Assert.Multiple(() =>
        {
            Assert.That(
                DeadlineRuleText.Format(DeadlineRule.Create("r", ReportingFrequency.Monthly, new DueAnchor.WorkingDaysAfterCutoff(3), DeadlineBoundary.NoLaterThan, legalBasis: basis), "vi"),
                Is.EqualTo("hằng tháng trong vòng 3 ngày làm việc sau ngày chốt số liệu; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo; chốt số liệu theo Nghị định 09/2019; căn cứ: 09/2019/NĐ-CP ngày 08/01/2019"));
            Assert.That(
                DeadlineRuleText.Format(DeadlineRule.Create("r", ReportingFrequency.HalfYearly, new DueAnchor.DayOfLastMonth(20), DeadlineBoundary.Before, CutoffConvention.CalendarPeriod, HolidayAdjustment.None), "en"),
                Is.EqualTo("half-yearly before the 20th of the last month of the half-year; not moved when it falls on a day off; data by calendar period"));
            Assert.That(
                DeadlineRuleText.Format(DeadlineRule.Create("r", ReportingFrequency.OneOff, new DueAnchor.ExplicitDate(new DateOnly(2029, 5, 20)), DeadlineBoundary.NoLaterThan), "vi"),
                Is.EqualTo("một lần chậm nhất ngày 20/05/2029; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo; chốt số liệu theo Nghị định 09/2019"));
        });
    }

    [Test]
    public void ATimeOfDayBelongsToANoLaterThanRule()
    {
        var error = Assert.Throws<DomainException>(() => DeadlineRule.Create(
            "r", ReportingFrequency.Annual, new DueAnchor.FixedDate(15, 12, false), DeadlineBoundary.Before, timeOfDay: new TimeOnly(16, 0)));
        Assert.That(error!.Rule, Is.EqualTo("deadline-rule.time-needs-no-later-than"));
    }

    [Test]
    public void WorkingDaysAfterTheCutoffHaveOneShape() =>
        Assert.That(
            DeadlineRule.Create("r", ReportingFrequency.Monthly, new DueAnchor.DaysAfter(3, DayCount.WorkingDays, DaysCountedFrom.Cutoff), DeadlineBoundary.NoLaterThan).Due,
            Is.EqualTo(new DueAnchor.WorkingDaysAfterCutoff(3)));

    [Test]
    public void TheFortnightlyMessageIsExact()
    {
        var error = Assert.Throws<DomainException>(() => DeadlineRuleText.Parse("fortnightly before the 25th"));
        Assert.That(error!.Message, Does.StartWith("Could not understand 'fortnightly' at position 0; expected a frequency such as 'monthly', 'quarterly'"));
    }

    [TestCase("quarterly before 20/12")]
    [TestCase("annually before 31/02")]
    [TestCase("monthly no later than the 32nd")]
    public void TextThatParsesButBreaksARuleIsRejected(string text)
    {
        Assert.That(() => DeadlineRuleText.Parse(text), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void FormatWritesReadableSentences()
    {
        var rule = DeadlineRuleText.Parse("hằng quý chậm nhất ngày 25 của tháng cuối quý");
        Assert.Multiple(() =>
        {
            Assert.That(DeadlineRuleText.Format(rule, "en"), Does.StartWith("quarterly no later than the 25th of the last month of the quarter;"));
            Assert.That(DeadlineRuleText.Format(rule, "vi"), Does.StartWith("hằng quý chậm nhất ngày 25 của tháng cuối quý;"));
        });
    }

    [Test]
    public void AnUnknownLanguageIsRejected()
    {
        var rule = DeadlineRuleText.Parse("monthly no later than the 15th");
        var error = Assert.Throws<DomainException>(() => DeadlineRuleText.Format(rule, "fr"));
        Assert.That(error!.Rule, Is.EqualTo("deadline-rule.unknown-language"));
    }

    [Test]
    public void FormattedRulesOfEveryShapeParseBackToEqualRules()
    {
        var random = new Random(2019);
        var frequencies = Enum.GetValues<ReportingFrequency>();
        for (var i = 0; i < 2000; i++)
        {
            var frequency = frequencies[random.Next(frequencies.Length)];
            DueAnchor due = frequency switch
            {
                ReportingFrequency.OneOff => new DueAnchor.ExplicitDate(new DateOnly(random.Next(1990, 2101), random.Next(1, 13), random.Next(1, 29))),
                ReportingFrequency.Annual when random.Next(3) == 0 => new DueAnchor.FixedDate(random.Next(1, 29), random.Next(1, 13), random.Next(2) == 0),
                _ => random.Next(4) switch
                {
                    0 => new DueAnchor.DayOfLastMonth(random.Next(1, 32)),
                    1 => new DueAnchor.WorkingDaysAfterCutoff(random.Next(1, DeadlineRule.MaxWorkingDays + 1)),
                    2 when frequency != ReportingFrequency.Annual => new DueAnchor.DayOfMonthAfter(random.Next(1, 32), random.Next(1, DeadlineRule.MaxMonthsAfter + 1)),
                    _ => new DueAnchor.DaysAfter(random.Next(1, DeadlineRule.MaxWorkingDays + 1), (DayCount)random.Next(2), (DaysCountedFrom)random.Next(2)),
                },
            };
            var basis = random.Next(2) == 0 ? null : new LegalBasis($"{random.Next(1, 300):D2}/20{random.Next(10, 30)}/NĐ-CP", new DateOnly(random.Next(2000, 2030), random.Next(1, 13), random.Next(1, 29)));
            var boundary = (DeadlineBoundary)random.Next(2);
            TimeOnly? time = boundary == DeadlineBoundary.NoLaterThan && random.Next(3) == 0 ? new TimeOnly(random.Next(0, 24), random.Next(0, 60)) : null;
            var rule = DeadlineRule.Create(
                $"rule {i}",
                frequency,
                due,
                boundary,
                (CutoffConvention)random.Next(2),
                (HolidayAdjustment)random.Next(3),
                basis,
                time);

            foreach (var language in new[] { "en", "vi" })
            {
                var text = DeadlineRuleText.Format(rule, language);
                Assert.That(DeadlineRuleText.Parse(text, rule.Name), Is.EqualTo(rule), text);
            }
        }
    }
}
