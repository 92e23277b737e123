using Dti.Domain.Clients;
using Dti.Domain.Common;

namespace Dti.Domain.Plans;

/// <summary>What can be done to a plan as a whole (its content changes while it is open; see <see cref="Plan.IsOpen"/>).</summary>
public enum PlanAction
{
    Issue,
    Close,
    Supersede,
}

/// <summary>
/// The plan lifecycle: Draft → Issued → Closed, or Issued → Superseded by a newer plan. Printed in
/// docs/agencies-plans-assignments.md (a test keeps it equal to this table).
/// </summary>
public static class PlanLifecycle
{
    /// <summary>At most every action at once: the bound the API description states for <c>allowedActions</c>.</summary>
    public const int MaxAllowedActions = 3;
    // A constant (attributes need one); PlanLifecycleTests ties it to the number of PlanAction values.

    public static readonly Lifecycle<PlanStatus, PlanAction> Table = new("plan",
    [
        new(PlanStatus.Draft, PlanAction.Issue, PlanStatus.Issued, [ClientRole.Coordinator]),
        new(PlanStatus.Issued, PlanAction.Close, PlanStatus.Closed, [ClientRole.Coordinator]),
        new(PlanStatus.Issued, PlanAction.Supersede, PlanStatus.Superseded, [ClientRole.Coordinator]),
    ]);
}
