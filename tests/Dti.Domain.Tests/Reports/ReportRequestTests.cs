using Dti.Domain.Calendar;
using Dti.Domain.Common;
using Dti.Domain.Reports;

namespace Dti.Domain.Tests.Reports;

public class ReportRequestTests
{
    private static readonly Guid Coordinator = Guid.CreateVersion7();
    private static readonly Guid Ict = Guid.CreateVersion7();

    private static ReportRequestSpec Spec(ReportRequestKind kind = ReportRequestKind.AdHoc, DateOnly? due = null, int? days = null, Guid? issuer = null, params Guid[] asked) =>
        new(kind, issuer ?? Coordinator, "Báo cáo nhanh", 2023, new DateOnly(2023, 12, 22), due, days, asked.Length == 0 ? [Ict] : asked, ["7"], false);

    [Test]
    public void ADeadlineInWorkingDaysSkipsWeekendsAndHolidays()
    {
        // Friday 22/12/2023 + 5 working days: 25, 26, 27, 28, 29 → Friday 29/12; + 6 skips New Year's Day → Tuesday 2/1/2024.
        Assert.Multiple(() =>
        {
            Assert.That(ReportRequest.Issue(Spec(days: 5), WorkingCalendar.Default, DateTimeOffset.UnixEpoch).DueDate, Is.EqualTo(new DateOnly(2023, 12, 29)));
            Assert.That(ReportRequest.Issue(Spec(days: 6), WorkingCalendar.Default, DateTimeOffset.UnixEpoch).Deadline.LastAllowedDay, Is.EqualTo(new DateOnly(2024, 1, 2)));
        });
    }

    [Test]
    public void ARequestGivesExactlyOneDeadlineNotBeforeItsIssue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<DomainException>(() => ReportRequest.Issue(Spec(), WorkingCalendar.Default, DateTimeOffset.UnixEpoch))!.Rule, Is.EqualTo("report-request.due"));
            Assert.That(Assert.Throws<DomainException>(() => ReportRequest.Issue(Spec(due: new DateOnly(2023, 12, 29), days: 5), WorkingCalendar.Default, DateTimeOffset.UnixEpoch))!.Rule, Is.EqualTo("report-request.due"));
            Assert.That(Assert.Throws<DomainException>(() => ReportRequest.Issue(Spec(due: new DateOnly(2023, 12, 1)), WorkingCalendar.Default, DateTimeOffset.UnixEpoch))!.Rule, Is.EqualTo("report-request.due-before-issue"));
        });
    }

    [Test]
    public void ALeadAsksItsCooperatorsNotItselfAndOnlyAskedAgenciesAnswer()
    {
        var error = Assert.Throws<DomainException>(() => ReportRequest.Issue(Spec(ReportRequestKind.Contribution, new DateOnly(2023, 12, 29), issuer: Ict, asked: Ict), WorkingCalendar.Default, DateTimeOffset.UnixEpoch));
        var request = ReportRequest.Issue(Spec(due: new DateOnly(2023, 12, 29)), WorkingCalendar.Default, DateTimeOffset.UnixEpoch);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Rule, Is.EqualTo("report-request.self"));
            Assert.That(Report.CreateFor(request, Ict, false, DateTimeOffset.UnixEpoch).Kind, Is.EqualTo(ReportKind.AdHoc));
            Assert.That(Assert.Throws<DomainException>(() => Report.CreateFor(request, Guid.CreateVersion7(), false, DateTimeOffset.UnixEpoch))!.Rule, Is.EqualTo("report.not-asked"));
            Assert.That(request.DomainEvents.OfType<ReportRequestIssued>().Single().AskedAgencyIds, Is.EqualTo(new[] { Ict }));
        });
    }
}
