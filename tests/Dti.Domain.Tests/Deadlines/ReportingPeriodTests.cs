using Dti.Domain.Common;
using Dti.Domain.Deadlines;

namespace Dti.Domain.Tests.Deadlines;

public class ReportingPeriodTests
{
    [TestCase("2026M04", ReportingFrequency.Monthly, 2026, 4, "2026-04-01", "2026-04-30")]
    [TestCase("2026Q1", ReportingFrequency.Quarterly, 2026, 1, "2026-01-01", "2026-03-31")]
    [TestCase("2026H2", ReportingFrequency.HalfYearly, 2026, 2, "2026-07-01", "2026-12-31")]
    [TestCase("2026N9", ReportingFrequency.NineMonthly, 2026, 1, "2026-01-01", "2026-09-30")]
    [TestCase("2026", ReportingFrequency.Annual, 2026, 1, "2026-01-01", "2026-12-31")]
    [TestCase("2026X3", ReportingFrequency.OneOff, 2026, 3, "2026-01-01", "2026-12-31")]
    [TestCase("2028M02", ReportingFrequency.Monthly, 2028, 2, "2028-02-01", "2028-02-29")]
    public void CompactIdsParseToPeriodsWithCalendarBounds(string id, ReportingFrequency kind, int year, int number, string start, string end)
    {
        var period = ReportingPeriod.Parse(id);
        Assert.Multiple(() =>
        {
            Assert.That(period.Kind, Is.EqualTo(kind));
            Assert.That(period.Year, Is.EqualTo(year));
            Assert.That(period.Number, Is.EqualTo(number));
            Assert.That(period.Start, Is.EqualTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(period.End, Is.EqualTo(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(period.ToString(), Is.EqualTo(id));
        });
    }

    [TestCase("2026Q5")]
    [TestCase("2026M13")]
    [TestCase("2026M4")]
    [TestCase("2026H3")]
    [TestCase("2026N8")]
    [TestCase("26Q1")]
    [TestCase("")]
    public void MalformedIdsAreRejected(string id)
    {
        var error = Assert.Throws<DomainException>(() => ReportingPeriod.Parse(id));
        Assert.That(error!.Rule, Is.EqualTo("reporting-period.invalid"));
    }

    [TestCase("2026M03", "2026-02-15", "2026-03-14")]
    [TestCase("2026M01", "2025-12-15", "2026-01-14")]
    [TestCase("2026Q1", "2025-12-15", "2026-03-14")]
    [TestCase("2026Q2", "2026-03-15", "2026-06-14")]
    [TestCase("2026Q4", "2026-09-15", "2026-12-14")]
    [TestCase("2026H1", "2025-12-15", "2026-06-14")]
    [TestCase("2026H2", "2026-06-15", "2026-12-14")]
    [TestCase("2026N9", "2025-12-15", "2026-09-14")]
    [TestCase("2026", "2025-12-15", "2026-12-14")]
    public void Decree09WindowsRunFromThe15thToThe14th(string id, string from, string to)
    {
        var window = ReportingPeriod.Parse(id).DataWindow(CutoffConvention.Decree09);
        Assert.That(window, Is.EqualTo(new DataWindow(
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public void CalendarWindowsAreThePeriodItself()
    {
        var period = ReportingPeriod.Parse("2027Q3");
        Assert.That(period.DataWindow(CutoffConvention.CalendarPeriod), Is.EqualTo(new DataWindow(new DateOnly(2027, 7, 1), new DateOnly(2027, 9, 30))));
    }

    [TestCase(ReportingFrequency.Monthly)]
    [TestCase(ReportingFrequency.Quarterly)]
    [TestCase(ReportingFrequency.HalfYearly)]
    [TestCase(ReportingFrequency.Annual)]
    public void WindowsOfConsecutivePeriodsNeitherOverlapNorLeaveGaps(ReportingFrequency kind)
    {
        var random = new Random(20260415);
        foreach (var convention in new[] { CutoffConvention.Decree09, CutoffConvention.CalendarPeriod })
        {
            for (var i = 0; i < 200; i++)
            {
                var year = random.Next(1990, 2100);
                var periods = ReportingPeriod.AllOf(kind, year).Concat(ReportingPeriod.AllOf(kind, year + 1)).ToList();
                for (var p = 1; p < periods.Count; p++)
                {
                    var previous = periods[p - 1].DataWindow(convention);
                    var current = periods[p].DataWindow(convention);
                    Assert.That(current.From, Is.EqualTo(previous.To.AddDays(1)), $"{periods[p - 1]} → {periods[p]} ({convention})");
                }
            }
        }
    }
}
