using Dti.Domain.Clients;
using Dti.Domain.Common;

namespace Dti.Domain.SelfAssessments;

/// <summary>Where a year's self-assessment stands.</summary>
public enum SelfAssessmentState
{
    /// <summary>Consolidating: values come from accepted reports and the coordinator may override them.</summary>
    Open,

    /// <summary>Frozen as a signed snapshot (the latest revision); reopening starts the next revision.</summary>
    Finalised,
}

/// <summary>What can be done to a self-assessment.</summary>
public enum SelfAssessmentAction
{
    /// <summary>Override an index's value or score with a reason.</summary>
    Override,

    /// <summary>Freeze the consolidation as a signed snapshot revision.</summary>
    Finalise,

    /// <summary>Consolidate again after finalising; the next finalisation is the next revision.</summary>
    Reopen,
}

/// <summary>
/// The self-assessment lifecycle: Open → Finalised → Open …, each finalisation a new snapshot revision. Only the
/// coordinating department consolidates and finalises (Letter 2351/UBND-KSTT). Printed in docs/self-assessment.md.
/// </summary>
public static class SelfAssessmentLifecycle
{
    /// <summary>At most every action of a state at once (from Open: override, finalise): the bound of <c>allowedActions</c>.</summary>
    public const int MaxAllowedActions = 2;

    public static readonly Lifecycle<SelfAssessmentState, SelfAssessmentAction> Table = new("self-assessment",
    [
        new(SelfAssessmentState.Open, SelfAssessmentAction.Override, SelfAssessmentState.Open, [ClientRole.Coordinator]),
        new(SelfAssessmentState.Open, SelfAssessmentAction.Finalise, SelfAssessmentState.Finalised, [ClientRole.Coordinator]),
        new(SelfAssessmentState.Finalised, SelfAssessmentAction.Reopen, SelfAssessmentState.Open, [ClientRole.Coordinator]),
    ]);
}
