using Dti.Domain.Common;

namespace Dti.Domain.Plans;

/// <summary>A draft plan was issued: its tasks and assignments now bind the agencies named in them.</summary>
public sealed record PlanIssued(Guid PlanId, string DocumentNumber, Guid IssuerAgencyId) : IDomainEvent;

/// <summary>An issued plan was closed; it is history now.</summary>
public sealed record PlanClosed(Guid PlanId, string DocumentNumber) : IDomainEvent;

/// <summary>An issued plan was superseded by a newer one.</summary>
public sealed record PlanSuperseded(Guid PlanId, string DocumentNumber, Guid SupersededById) : IDomainEvent;

/// <summary>An agency reported progress on a task of a plan.</summary>
public sealed record TaskProgressRecorded(Guid TaskId, Guid PlanId, Guid LeadAgencyId, PlanTaskStatus Status, int Percent, DateOnly AsOf) : IDomainEvent;
