using Dti.Domain.Common;
using Dti.Domain.Plans;

namespace Dti.Domain.Tests.Plans;

public class PlanReportingRulesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Test]
    public void RulesAreASetAndChangingThemMovesTheVersionOn()
    {
        var plan = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        var quarterly = Guid.NewGuid();
        var annual = Guid.NewGuid();
        var version = plan.Version;

        plan.SetReportingRules([quarterly, annual, quarterly], Now);
        var kept = plan.ReportingRules.Single(r => r.DeadlineRuleId == quarterly);
        var afterFirst = plan.Version;
        plan.SetReportingRules([annual, quarterly], Now);

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReportingRules.Select(r => r.DeadlineRuleId), Is.EquivalentTo(new[] { quarterly, annual }));
            Assert.That(afterFirst, Is.EqualTo(version + 1));
            Assert.That(plan.Version, Is.EqualTo(afterFirst), "the same set again changes nothing");
            Assert.That(plan.ReportingRules, Does.Contain(kept), "kept rules keep their rows");
        });

        plan.SetReportingRules([], Now);
        Assert.That(plan.ReportingRules, Is.Empty);
    }

    [Test]
    public void AClosedPlansRulesNoLongerChange()
    {
        var plan = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        plan.Issue(Now);
        plan.Close(Now);

        var error = Assert.Throws<DomainException>(() => plan.SetReportingRules([Guid.NewGuid()], Now));

        Assert.That(error!.Rule, Is.EqualTo("plan.not-open"));
    }
}
