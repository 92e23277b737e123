using System.Collections.Frozen;

namespace Dti.Domain.Webhooks;

/// <summary>
/// A public event type: its stable name, whether the API raises it yet, and whether it tells of something published
/// (an accepted report, an issued plan) that Reader and Ministry subscribers may receive — or, when
/// <paramref name="MinistryOnly"/>, that only the Ministry may read (a self-assessment's snapshots, which readers cannot pull).
/// </summary>
public sealed record WebhookEventType(string Name, bool Raised, bool Published, string Description, bool MinistryOnly = false);

/// <summary>The catalogue of webhook event types, the one place they are named (docs/webhooks.md prints it).</summary>
public static class WebhookEventTypes
{
    public const string ReportSubmitted = "report.submitted";
    public const string ReportReturned = "report.returned";
    public const string ReportAccepted = "report.accepted";
    public const string ContributionRequested = "contribution.requested";
    public const string ContributionReceived = "contribution.received";
    public const string ReportRequestIssued = "report-request.issued";
    public const string PlanIssued = "plan.issued";
    public const string SelfAssessmentFinalised = "self-assessment.finalised";
    public const string SnapshotPublished = "snapshot.published";
    public const string OfficialResultsImported = "official-results.imported";
    public const string ObligationDueSoon = "obligation.due-soon";
    public const string ObligationDueToday = "obligation.due-today";
    public const string ObligationOverdue = "obligation.overdue";
    public const string ObligationEscalated = "obligation.escalated";
    public const string ReportRequestDueSoon = "report-request.due-soon";
    public const string ReportRequestDueToday = "report-request.due-today";
    public const string ReportRequestOverdue = "report-request.overdue";
    public const string TaskDueSoon = "task.due-soon";
    public const string TaskDueToday = "task.due-today";
    public const string TaskOverdue = "task.overdue";

    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        new(ReportSubmitted, Raised: true, Published: false, "An agency submitted a periodic or ad hoc report."),
        new(ReportReturned, Raised: true, Published: false, "The reviewer sent a submitted report back for correction."),
        new(ReportAccepted, Raised: true, Published: true, "The reviewer accepted a submitted report."),
        new(ContributionRequested, Raised: true, Published: false, "A lead agency asked cooperating agencies for contributions."),
        new(ContributionReceived, Raised: true, Published: false, "A cooperating agency submitted its contribution to the lead agency."),
        new(ReportRequestIssued, Raised: true, Published: false, "The coordinator issued an ad hoc report request."),
        new(PlanIssued, Raised: true, Published: true, "A plan was issued."),
        new(ObligationDueSoon, Raised: true, Published: false, "A lead agency's periodic report is due within the configured working days and not submitted."),
        new(ObligationDueToday, Raised: true, Published: false, "A lead agency's periodic report is due today and not submitted."),
        new(ObligationOverdue, Raised: true, Published: false, "A lead agency's periodic report is past its last allowed instant and not submitted."),
        new(ObligationEscalated, Raised: true, Published: false, "A periodic report is overdue by the configured working days; sent to coordinator subscriptions only."),
        new(ReportRequestDueSoon, Raised: true, Published: false, "An asked agency's answer to a report request is due within the configured working days."),
        new(ReportRequestDueToday, Raised: true, Published: false, "An asked agency's answer to a report request is due today."),
        new(ReportRequestOverdue, Raised: true, Published: false, "An asked agency has not answered a report request by its due date."),
        new(TaskDueSoon, Raised: true, Published: false, "A plan task is due within the configured working days and not done."),
        new(TaskDueToday, Raised: true, Published: false, "A plan task is due today and not done."),
        new(TaskOverdue, Raised: true, Published: false, "A plan task is past its due date and not done."),
        new(SelfAssessmentFinalised, Raised: true, Published: true, "The coordinator finalised the province's self-assessment of a year.", MinistryOnly: true),
        new(SnapshotPublished, Raised: true, Published: true, "A signed snapshot of the province's self-assessment can be pulled (a new revision).", MinistryOnly: true),
        new(OfficialResultsImported, Raised: true, Published: true, "Official DTI figures were added or revised by an import."),
    ];

    public static readonly FrozenDictionary<string, WebhookEventType> ByName = All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);
}
