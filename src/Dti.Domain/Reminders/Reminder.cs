using Dti.Domain.Common;

namespace Dti.Domain.Reminders;

/// <summary>What a reminder is about.</summary>
public enum ReminderSubject
{
    /// <summary>A lead agency's periodic report under an issued plan's rule, for one period.</summary>
    Obligation,

    /// <summary>One asked agency's answer to a report request (ad hoc or contribution).</summary>
    ReportRequest,

    /// <summary>A plan task, not done or cancelled.</summary>
    Task,
}

/// <summary>How close to, or how far past, its due day a subject is.</summary>
public enum ReminderThreshold
{
    /// <summary>Due within the next N working days (<c>Reminders:DueSoonWorkingDays</c>), not today.</summary>
    DueSoon,

    /// <summary>Due today (Asia/Ho_Chi_Minh).</summary>
    DueToday,

    /// <summary>The due day has passed.</summary>
    Overdue,

    /// <summary>Obligations only: overdue by M working days (<c>Reminders:EscalateAfterWorkingDays</c>), told to the coordinator.</summary>
    Escalated,
}

/// <summary>
/// A reminder raised once for a subject and threshold. Its row is the proof that it was raised: the key (subject kind,
/// subject key, threshold) is unique, and the row is saved in the transaction that stores its <see cref="ReminderRaised"/>
/// event in the outbox, so a reminder is either raised and recorded, or neither — whatever the number of instances.
/// </summary>
public sealed class Reminder : AggregateRoot
{
    /// <summary>Long enough for an obligation's key: plan, rule and agency ids, the period and the due day.</summary>
    public const int SubjectKeyMaxLength = 200;

    private Reminder()
    {
    }

    public Guid Id { get; private set; }

    public ReminderSubject Subject { get; private set; }

    /// <summary>Identifies the subject and its due day (a moved due day is a new subject): see <see cref="ReminderCandidate.Key"/>.</summary>
    public string SubjectKey { get; private set; } = null!;

    public ReminderThreshold Threshold { get; private set; }

    /// <summary>The agency the reminder is about (the one that owes the report, answer or task).</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The last day on time; scans look up reminders by it, so the lookup stays within the scan's window.</summary>
    public DateOnly DueOn { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>Records that <paramref name="candidate"/> reached <paramref name="threshold"/> and raises the event telling so.</summary>
    public static Reminder Record(ReminderCandidate candidate, ReminderThreshold threshold, int workingDaysLate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var reminder = new Reminder
        {
            Id = Identifiers.NewVersion7(),
            Subject = candidate.Subject,
            SubjectKey = candidate.Key,
            Threshold = threshold,
            AgencyId = candidate.AgencyId,
            DueOn = candidate.DueOn,
            RaisedAt = now,
        };
        reminder.Raise(new ReminderRaised(
            reminder.Id, candidate.Subject, threshold, candidate.SubjectId, candidate.AgencyId, candidate.OtherAgencyId, candidate.PlanId,
            candidate.DeadlineRuleId, candidate.PeriodId, candidate.DueOn, candidate.DueAt, workingDaysLate));
        return reminder;
    }
}

/// <summary>
/// Something with a due day that may need a reminder.
/// </summary>
/// <param name="Subject">Its kind.</param>
/// <param name="SubjectId">The task or request; for an obligation, the plan.</param>
/// <param name="AgencyId">The agency that owes it.</param>
/// <param name="OtherAgencyId">Who else hears of it: the issuer of a request (the coordinating department, or the lead agency asking for contributions).</param>
/// <param name="PlanId">The plan of an obligation or a task.</param>
/// <param name="DeadlineRuleId">An obligation's rule.</param>
/// <param name="PeriodId">An obligation's period.</param>
/// <param name="DueOn">The last day on time.</param>
/// <param name="DueAt">The end of that day in Asia/Ho_Chi_Minh.</param>
public sealed record ReminderCandidate(
    ReminderSubject Subject, Guid SubjectId, Guid AgencyId, Guid? OtherAgencyId, Guid? PlanId, Guid? DeadlineRuleId, string? PeriodId, DateOnly DueOn, DateTimeOffset DueAt)
{
    /// <summary>
    /// The subject's key: an obligation by plan, rule, period and agency; a request by request and asked agency; a task
    /// by itself — each with its due day, so a deadline moved later is reminded of again.
    /// </summary>
    public string Key => Subject switch
    {
        ReminderSubject.Obligation => $"{SubjectId:N}/{DeadlineRuleId:N}/{PeriodId}/{AgencyId:N}@{DueOn:yyyyMMdd}",
        ReminderSubject.ReportRequest => $"{SubjectId:N}/{AgencyId:N}@{DueOn:yyyyMMdd}",
        _ => $"{SubjectId:N}@{DueOn:yyyyMMdd}",
    };
}
