using Dti.Domain.Common;

namespace Dti.Domain.Plans;

/// <summary>A reporting rule a plan's lead agencies follow (Plan 170: quarterly before the 25th, annually before 20/12).</summary>
public sealed class PlanReportingRule
{
    private PlanReportingRule()
    {
    }

    internal PlanReportingRule(Guid planId, Guid deadlineRuleId)
    {
        Id = Identifiers.NewVersion7();
        PlanId = planId;
        DeadlineRuleId = deadlineRuleId;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid DeadlineRuleId { get; private set; }
}
