using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>A deadline rule was defined.</summary>
public sealed record DeadlineRuleCreated(Guid RuleId, string Name, ReportingFrequency Frequency) : IDomainEvent;

/// <summary>A deadline rule was redefined: the deadlines computed from it, and the obligations of plans reporting by it, may move.</summary>
public sealed record DeadlineRuleChanged(Guid RuleId, string Name, ReportingFrequency Frequency, int Version) : IDomainEvent;
