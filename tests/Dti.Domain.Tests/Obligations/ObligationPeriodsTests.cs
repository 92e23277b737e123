using Dti.Domain.Deadlines;
using Dti.Domain.Obligations;

namespace Dti.Domain.Tests.Obligations;

public class ObligationPeriodsTests
{
    private static readonly DateOnly Plan170Issued = new(2023, 8, 11);

    [TestCase("2023Q1", false, TestName = "Q1/2023 ended before Plan 170 was issued")]
    [TestCase("2023Q2", false, TestName = "Q2/2023 ended before Plan 170 was issued")]
    [TestCase("2023Q3", true, TestName = "Q3/2023 ends after the issue date")]
    [TestCase("2023Q4", true, TestName = "Q4/2023 is in the assessment year")]
    [TestCase("2023", true, TestName = "the 2023 annual report is owed")]
    [TestCase("2024Q1", true, TestName = "the last assessment year is owed in full")]
    [TestCase("2024", true, TestName = "the last year's annual report is owed")]
    [TestCase("2025Q1", false, TestName = "periods after the last assessment year are not owed")]
    [TestCase("2022", false, TestName = "periods before the first assessment year are not owed")]
    public void APeriodIsOwedWhenItOverlapsTheAssessmentYearsAndEndsAfterTheIssueDate(string periodId, bool owed) =>
        Assert.That(ObligationPeriods.AppliesTo(ReportingPeriod.Parse(periodId), Plan170Issued, 2023, 2024), Is.EqualTo(owed));

    [Test]
    public void APeriodEndingOnTheIssueDateIsOwed() =>
        Assert.That(ObligationPeriods.AppliesTo(ReportingPeriod.Parse("2023Q3"), new DateOnly(2023, 9, 30), 2023, 2023), Is.True);
}
