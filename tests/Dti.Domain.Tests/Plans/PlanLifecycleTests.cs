using Dti.Domain.Clients;
using Dti.Domain.Common;
using Dti.Domain.Plans;

namespace Dti.Domain.Tests.Plans;

public class PlanLifecycleTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static Plan InStatus(PlanStatus status)
    {
        var plan = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        if (status != PlanStatus.Draft)
        {
            plan.Issue(Now);
        }

        if (status == PlanStatus.Closed)
        {
            plan.Close(Now);
        }
        else if (status == PlanStatus.Superseded)
        {
            plan.SupersedeBy(Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now), Now);
        }

        return plan;
    }

    private static void Apply(Plan plan, PlanAction action)
    {
        switch (action)
        {
            case PlanAction.Issue: plan.Issue(Now); break;
            case PlanAction.Close: plan.Close(Now); break;
            case PlanAction.Supersede: plan.SupersedeBy(Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now), Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "no plan method for this action");
        }
    }

    /// <summary>Every status × every action, written out by hand: null means the action is refused from that status.</summary>
    private static readonly (PlanStatus From, PlanAction Action, PlanStatus? To)[] Expected =
    [
        (PlanStatus.Draft, PlanAction.Issue, PlanStatus.Issued),
        (PlanStatus.Draft, PlanAction.Close, null),
        (PlanStatus.Draft, PlanAction.Supersede, null),
        (PlanStatus.Issued, PlanAction.Issue, null),
        (PlanStatus.Issued, PlanAction.Close, PlanStatus.Closed),
        (PlanStatus.Issued, PlanAction.Supersede, PlanStatus.Superseded),
        (PlanStatus.Closed, PlanAction.Issue, null),
        (PlanStatus.Closed, PlanAction.Close, null),
        (PlanStatus.Closed, PlanAction.Supersede, null),
        (PlanStatus.Superseded, PlanAction.Issue, null),
        (PlanStatus.Superseded, PlanAction.Close, null),
        (PlanStatus.Superseded, PlanAction.Supersede, null),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Expected.Select(e => new TestCaseData(e.From, e.Action, e.To).SetName($"{e.From} × {e.Action} → {e.To?.ToString() ?? "refused"}"));

    [Test]
    public void TheCasesCoverEveryStatusAndEveryAction() =>
        Assert.That(Expected.Select(e => (e.From, e.Action)),
            Is.EquivalentTo(Enum.GetValues<PlanStatus>().SelectMany(s => Enum.GetValues<PlanAction>().Select(a => (s, a)))));

    [TestCaseSource(nameof(Cases))]
    public void EachActionFromEachStatusMovesAsTheTableSays(PlanStatus from, PlanAction action, PlanStatus? to)
    {
        var plan = InStatus(from);
        var version = plan.Version;

        if (to is { } next)
        {
            Apply(plan, action);
            Assert.That((plan.Status, plan.Version), Is.EqualTo((next, version + 1)));
            return;
        }

        var failure = Assert.Throws<DomainException>(() => Apply(plan, action));
        Assert.That((failure!.Rule, failure.Kind, failure.Field, plan.Status, plan.Version),
            Is.EqualTo(("plan.transition.not-allowed", DomainFailureKind.Conflict, "status", from, version)));
        Assert.That(failure.Message, Does.Contain($"is {from}; {action} is not allowed from {from}."));
    }

    [TestCase(PlanStatus.Draft, "Allowed from Draft: Issue.")]
    [TestCase(PlanStatus.Issued, "Allowed from Issued: Close, Supersede.")]
    [TestCase(PlanStatus.Closed, "Closed is final: no action is allowed from it.")]
    [TestCase(PlanStatus.Superseded, "Superseded is final: no action is allowed from it.")]
    public void ARefusalSaysWhatIsAllowedInstead(PlanStatus from, string instead)
    {
        var refused = Enum.GetValues<PlanAction>().First(a => !PlanLifecycle.Table.AllowedFrom(from).Contains(a));

        var failure = Assert.Throws<DomainException>(() => Apply(InStatus(from), refused));

        Assert.That(failure!.Message, Does.EndWith(instead));
    }

    [Test]
    public void OnlyCoordinatorsTakeLifecycleActions() =>
        Assert.That(Enum.GetValues<PlanAction>().Select(a => PlanLifecycle.Table.RolesFor(a)), Has.All.EqualTo(new[] { ClientRole.Coordinator }));

    [Test]
    public void ClosedAndSupersededPlansAreTheFinalStates() =>
        Assert.That(Enum.GetValues<PlanStatus>().Where(s => PlanLifecycle.Table.AllowedFrom(s).Count == 0), Is.EqualTo(new[] { PlanStatus.Closed, PlanStatus.Superseded }));

    [Test]
    public void ACampaignNeedsAPeriod() =>
        Assert.That(() => Plan.Create(TestFramework.Plan(PlanKind.Campaign), TestFramework.Qd922Like, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("plan.campaign-period"));

    [Test]
    public void APeriodRunsForward() =>
        Assert.That(() => Plan.Create(TestFramework.Plan(PlanKind.Campaign, new DateOnly(2023, 12, 19), new DateOnly(2023, 9, 20)), TestFramework.Qd922Like, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("plan.period"));

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(63, true)]
    [TestCase(64, false)]
    public void TargetRanksRunFromOneToSixtyThree(int rank, bool valid)
    {
        TestDelegate create = () => Plan.Create(TestFramework.Plan(targetRank: rank), TestFramework.Qd922Like, Now);

        Assert.That(create, valid ? Throws.Nothing : Throws.TypeOf<DomainException>());
    }

    [Test]
    public void SolutionGroupsNameMainIndicesOfTheGoverningFramework()
    {
        var failure = Assert.Throws<DomainException>(() => Plan.Create(
            TestFramework.Plan(groups: [new SolutionGroupSpec(1, "Về nhận thức số", "1"), new SolutionGroupSpec(2, "Thành phần", "7.1")]), TestFramework.Qd922Like, Now));

        Assert.That(failure!.Rule, Is.EqualTo("plan.unknown-index"));
        Assert.That(failure.Errors.Keys, Is.EqualTo(new[] { "solutionGroups[1].mainIndexCode" }));
    }

    [Test]
    public void EachTransitionRecordsItsEvent()
    {
        var plan = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        var newer = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        var closed = InStatus(PlanStatus.Issued);
        Assert.That(plan.DomainEvents, Is.Empty, "a draft is nobody else's business yet");

        plan.Issue(Now);
        plan.SupersedeBy(newer, Now);
        closed.ClearDomainEvents();
        closed.Close(Now);

        Assert.That(plan.DomainEvents, Is.EqualTo(new IDomainEvent[]
        {
            new PlanIssued(plan.Id, plan.DocumentNumber, plan.IssuerAgencyId),
            new PlanSuperseded(plan.Id, plan.DocumentNumber, newer.Id),
        }));
        Assert.That(closed.DomainEvents, Is.EqualTo(new IDomainEvent[] { new PlanClosed(closed.Id, closed.DocumentNumber) }));
    }

    [Test]
    public void ARefusedTransitionRecordsNoEvent()
    {
        var plan = InStatus(PlanStatus.Closed);
        plan.ClearDomainEvents();

        Assert.Throws<DomainException>(() => plan.Issue(Now));

        Assert.That(plan.DomainEvents, Is.Empty);
    }

    [Test]
    public void TheBoundOnAllowedActionsCoversEveryAction()
    {
        // allowedActions never lists an action twice, so the number of actions is its true bound.
        Assert.That(Enum.GetValues<PlanAction>(), Has.Length.EqualTo(PlanLifecycle.MaxAllowedActions));
    }
}
