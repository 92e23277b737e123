using Dti.Domain.Common;

namespace Dti.Domain.Reminders;

/// <summary>A subject reached a reminder threshold; fanned out as <c>obligation.*</c>, <c>report-request.*</c> or <c>task.*</c> webhooks.</summary>
public sealed record ReminderRaised(
    Guid ReminderId,
    ReminderSubject Subject,
    ReminderThreshold Threshold,
    Guid SubjectId,
    Guid AgencyId,
    Guid? OtherAgencyId,
    Guid? PlanId,
    Guid? DeadlineRuleId,
    string? PeriodId,
    DateOnly DueOn,
    DateTimeOffset DueAt,
    int WorkingDaysLate) : IDomainEvent;
