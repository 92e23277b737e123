using Dti.Domain.Common;
using Dti.Domain.Deadlines;

namespace Dti.Domain.Tests.Deadlines;

public class DeadlineRuleDefinitionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Test]
    public void DefiningAndRedefiningARuleAreEvents()
    {
        var quarterly = DeadlineRule.Create("Báo cáo quý", ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.Before);
        var definition = DeadlineRuleDefinition.Create(quarterly, Now);

        definition.Redefine(DeadlineRule.Create("Báo cáo quý", ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(20), DeadlineBoundary.Before), Now);

        Assert.That(definition.DomainEvents, Is.EqualTo(new IDomainEvent[]
        {
            new DeadlineRuleCreated(definition.Id, "Báo cáo quý", ReportingFrequency.Quarterly),
            new DeadlineRuleChanged(definition.Id, "Báo cáo quý", ReportingFrequency.Quarterly, 2),
        }));
    }
}
