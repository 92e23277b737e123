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

    private static void Apply(Plan plan, string action)
    {
        switch (action)
        {
            case "issue": plan.Issue(Now); break;
            case "close": plan.Close(Now); break;
            default: plan.SupersedeBy(Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now), Now); break;
        }
    }

    [TestCase(PlanStatus.Draft, "issue", PlanStatus.Issued)]
    [TestCase(PlanStatus.Issued, "close", PlanStatus.Closed)]
    [TestCase(PlanStatus.Issued, "supersede", PlanStatus.Superseded)]
    public void LegalTransitionsMoveTheStatus(PlanStatus from, string action, PlanStatus to)
    {
        var plan = InStatus(from);

        Apply(plan, action);

        Assert.That(plan.Status, Is.EqualTo(to));
    }

    [TestCase(PlanStatus.Draft, "close")]
    [TestCase(PlanStatus.Draft, "supersede")]
    [TestCase(PlanStatus.Issued, "issue")]
    [TestCase(PlanStatus.Closed, "issue")]
    [TestCase(PlanStatus.Closed, "close")]
    [TestCase(PlanStatus.Closed, "supersede")]
    [TestCase(PlanStatus.Superseded, "issue")]
    [TestCase(PlanStatus.Superseded, "close")]
    public void IllegalTransitionsConflictAndChangeNothing(PlanStatus from, string action)
    {
        var plan = InStatus(from);
        var version = plan.Version;

        var failure = Assert.Throws<DomainException>(() => Apply(plan, action));

        Assert.That((failure!.Rule, failure.Kind, plan.Status, plan.Version), Is.EqualTo(("plan.illegal-transition", DomainFailureKind.Conflict, from, version)));
    }

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
}
