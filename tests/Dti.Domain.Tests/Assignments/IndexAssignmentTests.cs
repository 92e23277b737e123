using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using Dti.Domain.Tests.Plans;

namespace Dti.Domain.Tests.Assignments;

public class IndexAssignmentTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private static readonly Guid Ict = Guid.CreateVersion7();
    private static readonly Guid Home = Guid.CreateVersion7();
    private static readonly Guid Police = Guid.CreateVersion7();

    private static (Plan Plan, IndexAssignment Assignment) Create(string code = "7", decimal? points = null, params Guid[] cooperators)
    {
        var plan = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        return (plan, IndexAssignment.Create(plan, TestFramework.Qd922Like, code, Ict, cooperators, new AssignmentTerms(null, null, null, points, false), Now));
    }

    [TestCase("7", 200, true)]
    [TestCase("7", 200.01, false)]
    [TestCase("7.1", 20, true)]
    [TestCase("7.1", 21, false)]
    [TestCase("6", 0, true)]
    [TestCase("6", 1, false)]
    public void TargetPointsStayWithinTheIndexPoints(string code, decimal points, bool valid)
    {
        TestDelegate create = () => Create(code, points);

        Assert.That(create, valid ? Throws.Nothing : Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("assignment.points-exceed-max"));
    }

    [TestCase("8")]
    [TestCase("7.2")]
    public void AnIndexOutsideTheFrameworkIsRejected(string code) =>
        Assert.That(() => Create(code), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("assignment.unknown-index"));

    [Test]
    public void ReassignmentRecordsEachAgencyThatLeavesOrArrives()
    {
        var (plan, assignment) = Create(cooperators: Home);

        assignment.Reassign(plan, Police, [Ict], "Phân công lại", Now);

        Assert.That((assignment.LeadAgencyId, assignment.CooperatorIds()), Is.EqualTo((Police, new List<Guid> { Ict })));
        Assert.That(assignment.History.Select(h => (h.Role, h.PreviousAgencyId, h.NewAgencyId, h.Kind)), Is.EquivalentTo(new[]
        {
            (HolderRole.Lead, (Guid?)Ict, (Guid?)Police, HolderChangeKind.Reassignment),
            (HolderRole.Cooperating, (Guid?)Home, (Guid?)null, HolderChangeKind.Reassignment),
            (HolderRole.Cooperating, (Guid?)null, (Guid?)Ict, HolderChangeKind.Reassignment),
        }));
    }

    [Test]
    public void ANewLeadThatCooperatedStopsCooperating()
    {
        var (plan, assignment) = Create(cooperators: Home);

        assignment.Reassign(plan, Home, null, "Sở Nội vụ chủ trì", Now);

        Assert.That((assignment.LeadAgencyId, assignment.CooperatorIds().Count), Is.EqualTo((Home, 0)));
    }

    [Test]
    public void ReassigningToTheCurrentHoldersIsRejected()
    {
        var (plan, assignment) = Create();

        Assert.That(() => assignment.Reassign(plan, Ict, null, "Không đổi", Now), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("assignment.no-change"));
    }

    [Test]
    public void AClosedPlansAssignmentsNoLongerChange()
    {
        var (plan, assignment) = Create();
        plan.Issue(Now);
        plan.Close(Now);

        var failure = Assert.Throws<DomainException>(() => assignment.Reassign(plan, Police, null, "Muộn", Now));

        Assert.That((failure!.Rule, failure.Kind), Is.EqualTo(("plan.not-open", DomainFailureKind.Conflict)));
    }

    [Test]
    public void CreationAndEachChangeOfHoldersAreEvents()
    {
        var (plan, assignment) = Create(cooperators: Home);
        var successor = Guid.CreateVersion7();

        assignment.Reassign(plan, Police, [Ict], "Phân công lại", Now);
        assignment.HandOver(Police, successor, "Hợp nhất", Now);

        var events = assignment.DomainEvents.ToList();
        Assert.That(events, Has.Count.EqualTo(3));
        Assert.That(events[0], Is.EqualTo(new IndexAssignmentCreated(assignment.Id, plan.Id, "7", Ict, [Home])).Using<IDomainEvent>(SameJson));
        Assert.That(events[1], Is.EqualTo(new IndexAssignmentReassigned(assignment.Id, plan.Id, "7", HolderChangeKind.Reassignment, Ict, [Home], Police, [Ict], "Phân công lại")).Using<IDomainEvent>(SameJson));
        Assert.That(events[2], Is.EqualTo(new IndexAssignmentReassigned(assignment.Id, plan.Id, "7", HolderChangeKind.Succession, Police, [Ict], successor, [Ict], "Hợp nhất")).Using<IDomainEvent>(SameJson));
    }

    /// <summary>Events carry lists, which records compare by reference; compare what would be stored instead.</summary>
    private static bool SameJson(IDomainEvent a, IDomainEvent b) =>
        a.GetType() == b.GetType() && System.Text.Json.JsonSerializer.Serialize(a, a.GetType()) == System.Text.Json.JsonSerializer.Serialize(b, b.GetType());
}
