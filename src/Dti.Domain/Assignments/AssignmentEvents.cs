using Dti.Domain.Agencies;
using Dti.Domain.Common;

namespace Dti.Domain.Assignments;

/// <summary>An index of a plan was given to a lead agency (and its cooperating agencies).</summary>
public sealed record IndexAssignmentCreated(
    Guid AssignmentId, Guid PlanId, string IndexCode, Guid LeadAgencyId, IReadOnlyList<Guid> CooperatingAgencyIds) : IDomainEvent;

/// <summary>
/// The holders of an assignment changed, by a coordinator's reassignment or because an agency was succeeded.
/// Carries the holders before and after.
/// </summary>
public sealed record IndexAssignmentReassigned(
    Guid AssignmentId,
    Guid PlanId,
    string IndexCode,
    HolderChangeKind Kind,
    Guid PreviousLeadAgencyId,
    IReadOnlyList<Guid> PreviousCooperatingAgencyIds,
    Guid LeadAgencyId,
    IReadOnlyList<Guid> CooperatingAgencyIds,
    string Reason) : IDomainEvent;
