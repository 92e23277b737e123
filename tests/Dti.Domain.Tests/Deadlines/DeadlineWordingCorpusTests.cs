using System.Text;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using static Dti.Domain.Deadlines.DeadlineBoundary;

namespace Dti.Domain.Tests.Deadlines;

/// <summary>
/// Deadline wording as provincial plans, letters and decisions write it, each with the rule it must become and one
/// period's last allowed day worked out by hand on the working calendar (weekends; the official 2026 schedule:
/// 1–2/1, Tết 14–22/2, 26–27/4, 30/4–1/5, 1–2/9; Labour Code holidays for other years). Where a wording is typical
/// rather than quoted from a known document, the source says so.
/// </summary>
public class DeadlineWordingCorpusTests
{
    private const string Plan170 = "Quảng Trị Plan 170/KH-UBND (11/08/2023)";
    private const string Letter2351 = "Quảng Bình Letter 2351/UBND-KSTT (16/11/2023)";
    private const string Decree09 = "Decree 09/2019/NĐ-CP Art. 12–13 wording";
    private const string Issue13 = "wording a coordinator tried (issue 13)";
    private const string Typical = "typical provincial wording (document not recorded)";
    private const string English = "English translation of provincial wording";

    private static readonly TimeOnly At17 = new(17, 0);

    private static IEnumerable<TestCaseData> Corpus()
    {
        // Quarterly, day of the quarter's last month
        yield return Case(Plan170, "định kỳ hàng quý (trước ngày 25 tháng cuối quý)", Q(Before, Last(25)), "2026Q1", "2026-03-24");
        yield return Case(Plan170, "hằng quý trước ngày 25 của tháng cuối quý", Q(Before, Last(25)), "2027Q3", "2027-09-24");
        yield return Case(Plan170, "hang quy truoc ngay 25 thang cuoi quy", Q(Before, Last(25)), "2026Q3", "2026-09-24");
        yield return Case(Issue13, "Báo cáo quý gửi Sở Thông tin và Truyền thông trước ngày 25 tháng cuối quý", Q(Before, Last(25)), "2026Q2", "2026-06-24");
        yield return Case(English, "before the 25th of the last month of each quarter", Q(Before, Last(25)), "2026Q4", "2026-12-24");
        yield return Case(English, "Quarterly reports are due no later than the 20th of the last month of the quarter", Q(NoLaterThan, Last(20)), "2026Q1", "2026-03-20");
        yield return Case(Typical, "Báo cáo định kỳ hằng quý gửi Sở TT&TT chậm nhất ngày 20 tháng cuối quý", Q(NoLaterThan, Last(20)), "2026Q4", "2026-12-21");
        yield return Case(Typical, "hạn nộp: ngày 25 tháng cuối quý", Q(NoLaterThan, Last(25)), "2026Q3", "2026-09-25");
        yield return Case(Typical, "Hằng Quý, chậm nhất ngày 25", Q(NoLaterThan, Last(25)), "2026Q2", "2026-06-25");
        yield return Case(Typical, "HẰNG QUÝ [CHẬM NHẤT NGÀY 25 THÁNG CUỐI QUÝ].", Q(NoLaterThan, Last(25)), "2026Q1", "2026-03-25");
        yield return Case(Typical, "hàng quý, trước ngày 25 tháng cuối quý, đột xuất khi có yêu cầu", Q(Before, Last(25)), "2026Q2", "2026-06-24");
        yield return Case(Decree09, "mỗi quý, chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo", Q(NoLaterThan, Last(20)), "2026Q2", "2026-06-22");

        // Annual, a day and month
        yield return Case(Plan170, "hàng năm (trước ngày 20/12)", A(Before, Date(20, 12)), "2026", "2026-12-21");
        yield return Case(Plan170, "HÀNG NĂM (TRƯỚC NGÀY 20/12)", A(Before, Date(20, 12)), "2027", "2027-12-20");
        yield return Case(Letter2351, "trước ngày 15/01 hằng năm", A(Before, Date(15, 1, true)), "2026", "2027-01-14");
        yield return Case(Letter2351, "trước ngày 15/01 hằng năm".Normalize(NormalizationForm.FormD), A(Before, Date(15, 1, true)), "2025", "2026-01-14");
        yield return Case(Letter2351, "truoc ngay 15/01 hang nam", A(Before, Date(15, 1, true)), "2027", "2028-01-14");
        yield return Case(Issue13, "trước ngày 31/01 năm sau", A(Before, Date(31, 1, true)), "2026", "2027-02-01");
        yield return Case(Issue13, "before 15 December", A(Before, Date(15, 12)), "2026", "2026-12-14");
        yield return Case(Typical, "chậm nhất ngày 20 tháng 12 hằng năm", A(NoLaterThan, Date(20, 12)), "2026", "2026-12-21");
        yield return Case(Typical, "không muộn hơn ngày 20-12 hàng năm", A(NoLaterThan, Date(20, 12)), "2027", "2027-12-20");
        yield return Case(English, "annually by December 20", A(NoLaterThan, Date(20, 12)), "2028", "2028-12-20");
        yield return Case(English, "no later than 20 December each year", A(NoLaterThan, Date(20, 12)), "2026", "2026-12-21");
        yield return Case(English, "annually, before December 15th", A(Before, Date(15, 12)), "2026", "2026-12-14");
        yield return Case(English, "yearly before 20th December", A(Before, Date(20, 12)), "2028", "2028-12-19");
        yield return Case(Typical, "Thời hạn gửi báo cáo: trước ngày 20 tháng 12 hằng năm", A(Before, Date(20, 12)), "2027", "2027-12-20");
        yield return Case(Typical, "Báo cáo năm gửi UBND tỉnh trước ngày 15 tháng 01 năm sau", A(Before, Date(15, 1, true)), "2025", "2026-01-14");
        yield return Case(Typical, "nộp trước ngày 15/1 hằng năm", A(Before, Date(15, 1, true)), "2027", "2028-01-14");
        yield return Case(Typical, "annually no later than 15/01 of the following year", A(NoLaterThan, Date(15, 1, true)), "2027", "2028-01-17");
        yield return Case(Typical, "hằng năm chậm nhất ngày 15/01 năm sau", A(NoLaterThan, Date(15, 1, true)), "2026", "2027-01-15");
        yield return Case(Typical, "Hằng năm (chậm nhất ngày 31/01 của năm sau)", A(NoLaterThan, Date(31, 1, true)), "2026", "2027-02-01");
        yield return Case(Typical, "hằng năm trước ngày 20/12; số liệu theo kỳ dương lịch", A(Before, Date(20, 12)) with { Cutoff = CutoffConvention.CalendarPeriod }, "2026", "2026-12-21");

        // Half-year and nine months
        yield return Case(Issue13, "báo cáo 6 tháng: chậm nhất ngày 20 của tháng cuối kỳ", H(NoLaterThan, Last(20)), "2026H1", "2026-06-22");
        yield return Case(Issue13, "Báo cáo 6 tháng đầu năm gửi về Sở trước ngày 18 của tháng cuối kỳ", H(Before, Last(18)), "2026H1", "2026-06-17");
        yield return Case(Issue13, "báo cáo 9 tháng chậm nhất ngày 20 tháng cuối kỳ", N(NoLaterThan, Last(20)), "2026N9", "2026-09-21");
        yield return Case(English, "semi-annually, before the 20th of the last month of the half-year", H(Before, Last(20)), "2026H2", "2026-12-21");
        yield return Case(Typical, "bán niên, chậm nhất ngày 25 của tháng cuối kỳ", H(NoLaterThan, Last(25)), "2026H1", "2026-06-25");
        yield return Case(English, "nine-monthly no later than the 25th of the last month of the nine months", N(NoLaterThan, Last(25)), "2026N9", "2026-09-25");
        yield return Case(Typical, "chín tháng đầu năm: trước ngày 20 tháng cuối kỳ", N(Before, Last(20)), "2026N9", "2026-09-21");
        yield return Case(Typical, "Định kỳ 6 tháng, chậm nhất ngày 15 của tháng sau", H(NoLaterThan, After(15, 1)), "2026H1", "2026-07-15");

        // Monthly
        yield return Case(Typical, "định kỳ hằng tháng, chậm nhất vào ngày 15", M(NoLaterThan, Last(15)), "2026M02", "2026-02-23");
        yield return Case(Typical, "Báo cáo tháng: trước ngày 20 hằng tháng", M(Before, Last(20)), "2026M05", "2026-05-19");
        yield return Case(Typical, "hằng tháng chậm nhất ngày 15; không chuyển khi trùng ngày nghỉ", M(NoLaterThan, Last(15)) with { Adjustment = HolidayAdjustment.None }, "2026M03", "2026-03-15");

        // A day of a month after the period
        yield return Case(Issue13, "Báo cáo tháng gửi trước ngày 10 của tháng sau", M(Before, After(10, 1)), "2026M03", "2026-04-09");
        yield return Case(Issue13, "hằng quý, trước ngày 15 của tháng đầu quý sau", Q(Before, After(15, 1)), "2026Q1", "2026-04-14");
        yield return Case(English, "monthly, no later than the 5th of the following month", M(NoLaterThan, After(5, 1)), "2026M12", "2027-01-05");
        yield return Case(Typical, "hàng tháng, chậm nhất ngày 05 tháng sau", M(NoLaterThan, After(5, 1)), "2026M04", "2026-05-05");
        yield return Case(English, "every month, before the 10th of the next month", M(Before, After(10, 1)), "2026M06", "2026-07-09");
        yield return Case(Typical, "hằng quý, chậm nhất ngày 10 của tháng thứ hai sau kỳ", Q(NoLaterThan, After(10, 2)), "2026Q1", "2026-05-11");
        yield return Case(English, "quarterly no later than the 15th of the first month of the next quarter", Q(NoLaterThan, After(15, 1)), "2026Q4", "2027-01-15");

        // Days after the period's end or the cut-off (the day counted from is not counted, Civil Code Art. 147)
        yield return Case(Issue13, "within 3 working days after the end of each month", M(NoLaterThan, Days(3, DayCount.WorkingDays, DaysCountedFrom.PeriodEnd)), "2026M01", "2026-02-04");
        yield return Case(Typical, "trong vòng 05 ngày làm việc kể từ ngày kết thúc quý", Q(NoLaterThan, Days(5, DayCount.WorkingDays, DaysCountedFrom.PeriodEnd)), "2026Q1", "2026-04-07");
        yield return Case(English, "within 10 days after the end of the quarter", Q(NoLaterThan, Days(10, DayCount.CalendarDays, DaysCountedFrom.PeriodEnd)), "2026Q2", "2026-07-10");
        yield return Case(Decree09, "hằng tháng trong vòng 3 ngày làm việc sau ngày chốt số liệu", M(NoLaterThan, new DueAnchor.WorkingDaysAfterCutoff(3)), "2026M04", "2026-04-17");
        yield return Case(Decree09, "monthly within 2 working days after the cut-off", M(NoLaterThan, new DueAnchor.WorkingDaysAfterCutoff(2)), "2026M02", "2026-02-24");
        yield return Case(English, "quarterly within 7 calendar days after the cut-off", Q(NoLaterThan, Days(7, DayCount.CalendarDays, DaysCountedFrom.Cutoff)), "2026Q3", "2026-09-21");
        yield return Case(English, "within 5 working days after the end of the period, quarterly", Q(NoLaterThan, Days(5, DayCount.WorkingDays, DaysCountedFrom.PeriodEnd)), "2026Q4", "2027-01-08");
        yield return Case(Typical, "trong thời hạn 10 ngày kể từ ngày kết thúc tháng", M(NoLaterThan, Days(10, DayCount.CalendarDays, DaysCountedFrom.PeriodEnd)), "2026M04", "2026-05-11");

        // A time of day
        yield return Case(Issue13, "trước 16 giờ ngày 15/12", A(NoLaterThan, Date(15, 12)) with { Time = new TimeOnly(16, 0) }, "2026", "2026-12-15");
        yield return Case(Typical, "hằng quý chậm nhất 17 giờ ngày 25 tháng cuối quý", Q(NoLaterThan, Last(25)) with { Time = At17 }, "2026Q1", "2026-03-25");
        yield return Case(English, "quarterly by 17:00 on the 25th of the last month of the quarter", Q(NoLaterThan, Last(25)) with { Time = At17 }, "2026Q2", "2026-06-25");
        yield return Case(Typical, "trước 16h00 ngày 15/12 hằng năm", A(NoLaterThan, Date(15, 12)) with { Time = new TimeOnly(16, 0) }, "2027", "2027-12-15");
        yield return Case(Typical, "Hằng năm, chậm nhất 16g30 ngày 15 tháng 12", A(NoLaterThan, Date(15, 12)) with { Time = new TimeOnly(16, 30) }, "2026", "2026-12-15");
        yield return Case(Typical, "hàng năm, trước 17 giờ 00 ngày 18/12", A(NoLaterThan, Date(18, 12)) with { Time = At17 }, "2026", "2026-12-18");
        yield return Case(English, "annually no later than 5 pm on 18 December", A(NoLaterThan, Date(18, 12)) with { Time = At17 }, "2027", "2027-12-20");

        // One-off
        yield return Case(Typical, "one-off, no later than 30/06/2026", O(NoLaterThan, new DateOnly(2026, 6, 30)), "2026X1", "2026-06-30");
        yield return Case(Typical, "một lần, trước ngày 15/05/2026", O(Before, new DateOnly(2026, 5, 15)), "2026X1", "2026-05-14");
        yield return Case(Typical, "chậm nhất ngày 30 tháng 6 năm 2026", O(NoLaterThan, new DateOnly(2026, 6, 30)), "2026X1", "2026-06-30");

        // Clauses
        yield return Case(Typical, "hằng quý, chậm nhất ngày 20 của tháng cuối quý; nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước", Q(NoLaterThan, Last(20)) with { Adjustment = HolidayAdjustment.PreviousWorkingDay }, "2026Q3", "2026-09-18");
        yield return Case(Plan170, "Hằng quý, trước ngày 25 tháng cuối quý; căn cứ: 170/KH-UBND ngày 11/08/2023", Q(Before, Last(25)) with { Basis = new LegalBasis("170/KH-UBND", new DateOnly(2023, 8, 11)) }, "2026Q4", "2026-12-24");
        yield return Case(Decree09, "quarterly before the 25th; legal basis: 09/2019/NĐ-CP of 08/01/2019", Q(Before, Last(25)) with { Basis = new LegalBasis("09/2019/NĐ-CP", new DateOnly(2019, 1, 8)) }, "2026Q1", "2026-03-24");
    }

    [TestCaseSource(nameof(Corpus))]
    public void WordingBecomesTheRuleAndItsDeadline(string source, string text, Expected expected, string periodId, string lastAllowedDay)
    {
        var rule = DeadlineRuleText.Parse(text);
        var occurrence = DeadlineCalculator.For(rule, ReportingPeriod.Parse(periodId), WorkingCalendar.Default);
        Assert.Multiple(() =>
        {
            Assert.That(
                (rule.Frequency, rule.Due, rule.Boundary, rule.Cutoff, rule.Adjustment, rule.TimeOfDay, rule.LegalBasis),
                Is.EqualTo((expected.Frequency, expected.Due, expected.Boundary, expected.Cutoff, expected.Adjustment, expected.Time, expected.Basis)),
                source);
            Assert.That(occurrence.LastAllowedDay, Is.EqualTo(DateOnly.Parse(lastAllowedDay, System.Globalization.CultureInfo.InvariantCulture)), string.Join("\n", occurrence.Steps));
            var time = expected.Time ?? TimeOnly.MaxValue;
            Assert.That(occurrence.LastAllowedInstant, Is.EqualTo(new DateTimeOffset(occurrence.LastAllowedDay.ToDateTime(time), TimeSpan.FromHours(7))));
        });
    }

    [Test]
    public void TheCorpusHoldsAtLeastSixtyPhrasings() => Assert.That(Corpus().Count(), Is.GreaterThanOrEqualTo(60));

    [Test]
    public void EveryPhrasingSaysTheSameInItsCanonicalSentences()
    {
        foreach (var text in Corpus().Select(c => (string)c.Arguments[1]!))
        {
            var rule = DeadlineRuleText.Parse(text, "r");
            Assert.Multiple(() =>
            {
                Assert.That(DeadlineRuleText.Parse(DeadlineRuleText.Format(rule, "vi"), "r"), Is.EqualTo(rule), text);
                Assert.That(DeadlineRuleText.Parse(DeadlineRuleText.Format(rule, "en"), "r"), Is.EqualTo(rule), text);
            });
        }
    }

    private static TestCaseData Case(string source, string text, Expected expected, string periodId, string lastAllowedDay) =>
        new TestCaseData(source, text, expected, periodId, lastAllowedDay).SetArgDisplayNames(text.Normalize(NormalizationForm.FormC));

    private static Expected M(DeadlineBoundary boundary, DueAnchor due) => new(ReportingFrequency.Monthly, due, boundary);

    private static Expected Q(DeadlineBoundary boundary, DueAnchor due) => new(ReportingFrequency.Quarterly, due, boundary);

    private static Expected H(DeadlineBoundary boundary, DueAnchor due) => new(ReportingFrequency.HalfYearly, due, boundary);

    private static Expected N(DeadlineBoundary boundary, DueAnchor due) => new(ReportingFrequency.NineMonthly, due, boundary);

    private static Expected A(DeadlineBoundary boundary, DueAnchor due) => new(ReportingFrequency.Annual, due, boundary);

    private static Expected O(DeadlineBoundary boundary, DateOnly date) => new(ReportingFrequency.OneOff, new DueAnchor.ExplicitDate(date), boundary);

    private static DueAnchor.DayOfLastMonth Last(int day) => new(day);

    private static DueAnchor.DayOfMonthAfter After(int day, int months) => new(day, months);

    private static DueAnchor.FixedDate Date(int day, int month, bool followingYear = false) => new(day, month, followingYear);

    private static DueAnchor.DaysAfter Days(int days, DayCount count, DaysCountedFrom from) => new(days, count, from);

    /// <summary>The parts a phrasing must become (defaults: Decree 09 cut-off, next working day, end of the day, no legal basis).</summary>
    public sealed record Expected(ReportingFrequency Frequency, DueAnchor Due, DeadlineBoundary Boundary)
    {
        public CutoffConvention Cutoff { get; init; } = CutoffConvention.Decree09;

        public HolidayAdjustment Adjustment { get; init; } = HolidayAdjustment.NextWorkingDay;

        public TimeOnly? Time { get; init; }

        public LegalBasis? Basis { get; init; }

        public override string ToString() => $"{Frequency} {Boundary} {Due}";
    }
}
