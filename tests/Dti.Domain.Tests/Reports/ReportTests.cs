using Dti.Domain.Calendar;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;

namespace Dti.Domain.Tests.Reports;

public class ReportTests
{
    private static readonly ReportActor Reporter = new("client-1", "Sở Nội vụ");
    private static readonly ReportActor Coordinator = new("client-2", "Sở KH&CN");

    /// <summary>Q4/2023 under "before the 25th of the quarter's last month": Sunday 24/12/2023 rolls to Monday 25/12.</summary>
    private static readonly ReportDeadline Q4Deadline = new(new DateOnly(2023, 12, 25));

    private static readonly IReadOnlyDictionary<string, AnswerableIndex> Answerable = new Dictionary<string, AnswerableIndex>(StringComparer.OrdinalIgnoreCase)
    {
        ["7"] = new("7", MeasureType.Score, 200m, false),
        ["7.1"] = new("7.1", MeasureType.Percentage, 20m, true),
        ["7.2"] = new("7.2", MeasureType.YesNo, null, false),
    };

    private static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, VietnamClock.Offset);

    private static Report Draft() => Report.CreatePeriodic(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), ReportingPeriod.Parse("2023Q4"), false, At(2023, 12, 1));

    private static ReportEntrySpec Entry(string code, decimal? number = null, bool? yesNo = null, decimal? score = null, string? explanation = null, params Guid[] evidence) =>
        new(code, number, yesNo, null, score, null, null, evidence, explanation);

    private static ReportContentSpec Content(params ReportEntrySpec[] entries) => new(entries, "Kết quả", null, null);

    private static ReportVersion Submit(Report report, DateTimeOffset at) =>
        report.Submit(Answerable, Q4Deadline, [], WorkingCalendar.Default, Reporter, at);

    [Test]
    public void ANewReportIsADraftOfRevisionOneKeyedByItsObligation()
    {
        var report = Draft();

        Assert.Multiple(() =>
        {
            Assert.That(report.State, Is.EqualTo(ReportState.Draft));
            Assert.That(report.Revision, Is.EqualTo(1));
            Assert.That(report.AssessmentYear, Is.EqualTo(2023));
            Assert.That(report.SubjectKey, Does.StartWith("P:").And.EndWith(":2023Q4"));
            Assert.That(report.AllowedActions(), Is.EqualTo(new[] { ReportAction.Edit, ReportAction.Submit }));
        });
    }

    [Test]
    public void AScoreAboveTheIndexMaximumIsRefusedNamingTheEntry()
    {
        var report = Draft();

        var error = Assert.Throws<DomainException>(() => report.ReplaceContent(Content(Entry("7.1", 50m, score: 20.01m)), Answerable, At(2023, 12, 2)));

        Assert.That(error!.Rule, Is.EqualTo("report.score-above-max"));
        Assert.That(error.Errors.Keys, Is.EqualTo(new[] { "entries[0].score" }));
    }

    [TestCase("7.1", 101, null, "entries[0].numericValue", "report.value-range")]
    [TestCase("7.1", null, true, "entries[0].yesNoValue", "report.value-type")]
    [TestCase("7.2", 1, null, "entries[0].numericValue", "report.value-type")]
    public void AValueMustFitTheIndexMeasureType(string code, int? number, bool? yesNo, string field, string rule)
    {
        var error = Assert.Throws<DomainException>(() => Draft().ReplaceContent(Content(Entry(code, number, yesNo)), Answerable, At(2023, 12, 2)));

        Assert.That(error!.Rule, Is.EqualTo(rule));
        Assert.That(error.Errors.Keys, Is.EqualTo(new[] { field }));
    }

    [Test]
    public void AnIndexTheAgencyDoesNotAnswerForIsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Draft().ReplaceContent(Content(Entry("7", 1m), Entry("3", 1m)), Answerable, At(2023, 12, 2)));

        Assert.That(error!.Rule, Is.EqualTo("report.index-not-answerable"));
        Assert.That(error.Errors.Keys, Is.EqualTo(new[] { "entries[1].indexCode" }));
    }

    [Test]
    public void AScoreWithoutRequiredEvidenceNeedsAnExplanationToBeSubmitted()
    {
        var report = Draft();
        report.ReplaceContent(Content(Entry("7", 150m, score: 150m), Entry("7.1", 80m, score: 16m)), Answerable, At(2023, 12, 2));

        var error = Assert.Throws<DomainException>(() => Submit(report, At(2023, 12, 20)));

        Assert.That(error!.Rule, Is.EqualTo("report.evidence-missing"));
        Assert.That(error.Errors.Keys, Is.EqualTo(new[] { "entries[1].evidenceIds" }));
        Assert.That(report.State, Is.EqualTo(ReportState.Draft));

        report.ReplaceContent(Content(Entry("7", 150m, score: 150m), Entry("7.1", 80m, score: 16m, explanation: "Văn bản đang trình ký")), Answerable, At(2023, 12, 2));
        Submit(report, At(2023, 12, 20));
        Assert.That(report.State, Is.EqualTo(ReportState.Submitted));
    }

    [Test]
    public void SubmittingFreezesAVersionWhoseHashDependsOnlyOnTheContent()
    {
        var first = Draft();
        first.ReplaceContent(Content(Entry("7.1", 80.5m, score: 16m, evidence: Guid.Empty), Entry("7", 150m)), Answerable, At(2023, 12, 2));
        var version = Submit(first, At(2023, 12, 20));

        Assert.Multiple(() =>
        {
            Assert.That(version.Number, Is.EqualTo(1));
            Assert.That(version.ContentHash, Is.EqualTo(ReportDocument.Hash(version.Content)).And.Length.EqualTo(64));
            Assert.That(version.Content, Does.Contain("\"entries\":[{\"indexCode\":\"7\""), "entries in index-code order");
            Assert.That(version.Content, Does.Contain("\"numericValue\":80.5000"), "values at their kind's scale");
            Assert.That(ReportDocument.FromJson(version.Content).ToJson(), Is.EqualTo(version.Content), "canonical: reading and writing again gives the same bytes");
            Assert.That(first.DomainEvents.OfType<ReportSubmitted>().Single().ContentHash, Is.EqualTo(version.ContentHash));
        });
    }

    [Test]
    public void OnTimeUntilTheEndOfTheRolledOverDayThenLateByWorkingDays()
    {
        // 24/12/2023 is a Sunday: "before the 25th" rolls to Monday 25/12 (Civil Code Art. 148).
        Assert.Multiple(() =>
        {
            Assert.That(ReportTimelinessRule.Judge(At(2023, 12, 25, 23), Q4Deadline, WorkingCalendar.Default), Is.EqualTo((ReportTimeliness.OnTime, 0)));
            Assert.That(ReportTimelinessRule.Judge(At(2023, 12, 26, 0), Q4Deadline, WorkingCalendar.Default), Is.EqualTo((ReportTimeliness.Late, 1)));
            Assert.That(ReportTimelinessRule.Judge(At(2023, 12, 29), Q4Deadline, WorkingCalendar.Default), Is.EqualTo((ReportTimeliness.Late, 4)));

            // Saturday 30/12 counts as received on Tuesday 2/1/2024 (1/1 is New Year's Day): 5 working days late.
            Assert.That(ReportTimelinessRule.Judge(At(2023, 12, 30), Q4Deadline, WorkingCalendar.Default), Is.EqualTo((ReportTimeliness.Late, 5)));
        });
    }

    [Test]
    public void AfterAReturnTheFirstSubmissionsTimelinessCountsAndTheResubmissionKeepsItsOwn()
    {
        var report = Draft();
        report.ReplaceContent(Content(Entry("7", 150m)), Answerable, At(2023, 12, 2));
        var first = Submit(report, At(2023, 12, 20));
        report.Return(first, Coordinator, "Bổ sung số liệu", [("7", "Thiếu số liệu quý IV")], At(2023, 12, 21));
        report.ReplaceContent(Content(Entry("7", 160m)), Answerable, At(2023, 12, 27));
        var second = Submit(report, At(2023, 12, 27));

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(ReportVersionOutcome.Returned));
            Assert.That(first.IndexNotes.Single().IndexCode, Is.EqualTo("7"));
            Assert.That(second.Number, Is.EqualTo(2));
            Assert.That(second.Timeliness, Is.EqualTo(ReportTimeliness.Late));
            Assert.That(report.CountedVersionNumber, Is.EqualTo(1));
            Assert.That(report.CountedTimeliness, Is.EqualTo(ReportTimeliness.OnTime));
            Assert.That(second.Document().ChangesSince(first.Document()), Is.EqualTo(new[] { new ReportChange("7", null, "numericValue", "150.0000", "160.0000") }));
        });
    }

    [Test]
    public void AWithdrawnSubmissionStopsCountingAndTheNextOneCounts()
    {
        var report = Draft();
        report.ReplaceContent(Content(Entry("7", 150m)), Answerable, At(2023, 12, 2));
        var first = Submit(report, At(2023, 12, 20));
        report.Withdraw(first, At(2023, 12, 21));

        Assert.That(report.CountedVersionNumber, Is.Null);
        Submit(report, At(2023, 12, 27));
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(ReportVersionOutcome.Withdrawn));
            Assert.That(report.CountedVersionNumber, Is.EqualTo(2));
            Assert.That(report.CountedTimeliness, Is.EqualTo(ReportTimeliness.Late));
            Assert.That(report.CountedWorkingDaysLate, Is.EqualTo(2));
        });
    }

    [Test]
    public void RevisingAnAcceptedReportStartsTheNextRevisionAsADraft()
    {
        var report = Draft();
        report.ReplaceContent(Content(Entry("7", 150m)), Answerable, At(2023, 12, 2));
        report.Accept(Submit(report, At(2023, 12, 20)), Coordinator, At(2023, 12, 22));
        report.Revise(At(2024, 1, 5));
        var second = Submit(report, At(2024, 1, 6));

        Assert.Multiple(() =>
        {
            Assert.That(report.Revision, Is.EqualTo(2));
            Assert.That(second.Revision, Is.EqualTo(2));
            Assert.That(report.State, Is.EqualTo(ReportState.Submitted));
            Assert.That(report.CountedVersionNumber, Is.EqualTo(1));
            Assert.That(report.DomainEvents.Select(e => e.GetType().Name), Is.EqualTo(new[] { "ReportSubmitted", "ReportAccepted", "ReportRevised", "ReportSubmitted" }));
        });
    }

    [Test]
    public void AReturnNeedsAReason()
    {
        var report = Draft();
        report.ReplaceContent(Content(Entry("7", 150m)), Answerable, At(2023, 12, 2));
        var version = Submit(report, At(2023, 12, 20));

        var error = Assert.Throws<DomainException>(() => report.Return(version, Coordinator, " ", [], At(2023, 12, 21)));

        Assert.That(error!.Rule, Is.EqualTo("report.return-reason"));
    }

    [Test]
    public void AContributionIsWrittenByItsAgencyAndReviewedByTheCoordinatorLikeEveryReport()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportLifecycle.Table.RolesFor(ReportAction.Accept), Is.EqualTo(new[] { Dti.Domain.Clients.ClientRole.Coordinator }));
            Assert.That(ReportLifecycle.ContributionTable.RolesFor(ReportAction.Accept), Is.EqualTo(new[] { Dti.Domain.Clients.ClientRole.Coordinator }));
            Assert.That(ReportLifecycle.ContributionTable.RolesFor(ReportAction.Submit), Is.EqualTo(new[] { Dti.Domain.Clients.ClientRole.AgencyReporter }));
            Assert.That(ReportLifecycle.For(ReportKind.Contribution), Is.SameAs(ReportLifecycle.ContributionTable));
        });
    }
}
