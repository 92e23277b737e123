using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Plans;

/// <summary>A plan's target on one main index.</summary>
public sealed class PlanIndexTarget
{
    private PlanIndexTarget()
    {
    }

    internal PlanIndexTarget(IndexTargetSpec spec, string path)
    {
        Id = Identifiers.NewVersion7();
        MainIndexCode = Guard.Text(spec.MainIndexCode, $"{path}.mainIndexCode", FrameworkLimits.IndexCodeMaxLength);
        TargetValue = DecimalKind.IndexValue.Round(spec.TargetValue);
        TargetPoints = PointsGuard.Check(spec.TargetPoints, $"{path}.targetPoints");
        if (TargetValue is null && TargetPoints is null)
        {
            throw new DomainException("plan.empty-target", "A target needs a targetValue, targetPoints or both.", $"{path}.targetValue");
        }
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string MainIndexCode { get; private set; } = null!;

    public decimal? TargetValue { get; private set; }

    public decimal? TargetPoints { get; private set; }
}
