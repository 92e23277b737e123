using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Plans;

/// <summary>A group of solutions inside a plan, aimed at one main index (Plan 170: "Về nhận thức số", …).</summary>
public sealed class SolutionGroup
{
    private SolutionGroup()
    {
    }

    internal SolutionGroup(SolutionGroupSpec spec, string path)
    {
        Id = Identifiers.NewVersion7();
        Order = spec.Order;
        Title = Guard.Text(spec.Title, $"{path}.title", PlanLimits.TitleMaxLength);
        MainIndexCode = Guard.Text(spec.MainIndexCode, $"{path}.mainIndexCode", FrameworkLimits.IndexCodeMaxLength);
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public int Order { get; private set; }

    public string Title { get; private set; } = null!;

    public string MainIndexCode { get; private set; } = null!;
}
