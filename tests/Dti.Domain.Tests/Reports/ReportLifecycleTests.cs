using Dti.Domain.Calendar;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;

namespace Dti.Domain.Tests.Reports;

public class ReportLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 20, 10, 0, 0, VietnamClock.Offset);
    private static readonly ReportActor Actor = new("client", "Client");
    private static readonly IReadOnlyDictionary<string, AnswerableIndex> Answerable = new Dictionary<string, AnswerableIndex> { ["7"] = new("7", MeasureType.Score, 200m, false) };
    private static readonly ReportContentSpec Content = new([new ReportEntrySpec("7", 1m, null, null, null, null, null, [], null)], null, null, null);

    /// <summary>Every state × every action, written out by hand: null means the action is refused from that state.</summary>
    private static readonly (ReportState From, ReportAction Action, ReportState? To)[] Expected =
    [
        (ReportState.Draft, ReportAction.Edit, ReportState.Draft),
        (ReportState.Draft, ReportAction.Submit, ReportState.Submitted),
        (ReportState.Draft, ReportAction.Withdraw, null),
        (ReportState.Draft, ReportAction.Accept, null),
        (ReportState.Draft, ReportAction.Return, null),
        (ReportState.Draft, ReportAction.Reopen, null),
        (ReportState.Draft, ReportAction.Revise, null),
        (ReportState.Submitted, ReportAction.Edit, null),
        (ReportState.Submitted, ReportAction.Submit, null),
        (ReportState.Submitted, ReportAction.Withdraw, ReportState.Draft),
        (ReportState.Submitted, ReportAction.Accept, ReportState.Accepted),
        (ReportState.Submitted, ReportAction.Return, ReportState.Returned),
        (ReportState.Submitted, ReportAction.Reopen, null),
        (ReportState.Submitted, ReportAction.Revise, null),
        (ReportState.Returned, ReportAction.Edit, ReportState.Draft),
        (ReportState.Returned, ReportAction.Submit, null),
        (ReportState.Returned, ReportAction.Withdraw, null),
        (ReportState.Returned, ReportAction.Accept, null),
        (ReportState.Returned, ReportAction.Return, null),
        (ReportState.Returned, ReportAction.Reopen, ReportState.Draft),
        (ReportState.Returned, ReportAction.Revise, null),
        (ReportState.Accepted, ReportAction.Edit, null),
        (ReportState.Accepted, ReportAction.Submit, null),
        (ReportState.Accepted, ReportAction.Withdraw, null),
        (ReportState.Accepted, ReportAction.Accept, null),
        (ReportState.Accepted, ReportAction.Return, null),
        (ReportState.Accepted, ReportAction.Reopen, null),
        (ReportState.Accepted, ReportAction.Revise, ReportState.Draft),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Expected.Select(e => new TestCaseData(e.From, e.Action, e.To).SetName($"{e.From} × {e.Action} → {e.To?.ToString() ?? "refused"}"));

    [Test]
    public void TheCaseListCoversEveryStateAndAction() =>
        Assert.That(Expected.Select(e => (e.From, e.Action)), Is.EquivalentTo(
            from s in Enum.GetValues<ReportState>() from a in Enum.GetValues<ReportAction>() select (s, a)));

    [TestCaseSource(nameof(Cases))]
    public void TheReportFollowsItsTable(ReportState from, ReportAction action, ReportState? to)
    {
        var (report, latest) = InState(from);
        if (to is null)
        {
            var error = Assert.Throws<DomainException>(() => Apply(report, latest, action));
            Assert.That(error!.Rule, Is.EqualTo("report.transition.not-allowed"));
            Assert.That(error.Kind, Is.EqualTo(DomainFailureKind.Conflict));
            Assert.That(error.Message, Does.Contain($"is {from}; {action} is not allowed"));
            Assert.That(report.State, Is.EqualTo(from));
        }
        else
        {
            Apply(report, latest, action);
            Assert.That(report.State, Is.EqualTo(to));
        }
    }

    private static (Report Report, ReportVersion? Latest) InState(ReportState state)
    {
        var report = Report.CreatePeriodic(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), ReportingPeriod.Parse("2023Q4"), false, Now);
        report.ReplaceContent(Content, Answerable, Now);
        if (state == ReportState.Draft)
        {
            return (report, null);
        }

        var version = report.Submit(Answerable, new ReportDeadline(new DateOnly(2023, 12, 25)), [], WorkingCalendar.Default, Actor, Now);
        if (state == ReportState.Returned)
        {
            report.Return(version, Actor, "why", [], Now);
        }
        else if (state == ReportState.Accepted)
        {
            report.Accept(version, Actor, Now);
        }

        return (report, version);
    }

    private static void Apply(Report report, ReportVersion? latest, ReportAction action)
    {
        // Actions that need a version get a stand-in for a report that has none; the table refuses them first.
        var version = latest ?? Stand();
        switch (action)
        {
            case ReportAction.Edit: report.ReplaceContent(Content, Answerable, Now); break;
            case ReportAction.Submit: report.Submit(Answerable, new ReportDeadline(DateOnly.FromDateTime(Now.DateTime)), [], WorkingCalendar.Default, Actor, Now); break;
            case ReportAction.Withdraw: report.Withdraw(version, Now); break;
            case ReportAction.Accept: report.Accept(version, Actor, Now); break;
            case ReportAction.Return: report.Return(version, Actor, "why", [], Now); break;
            case ReportAction.Reopen: report.Reopen(Now); break;
            case ReportAction.Revise: report.Revise(Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "no report method for this action");
        }
    }

    private static ReportVersion Stand()
    {
        var other = Report.CreatePeriodic(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), ReportingPeriod.Parse("2023Q4"), false, Now);
        other.ReplaceContent(Content, Answerable, Now);
        return other.Submit(Answerable, new ReportDeadline(DateOnly.FromDateTime(Now.DateTime)), [], WorkingCalendar.Default, Actor, Now);
    }
}
