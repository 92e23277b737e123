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

    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        new(ReportSubmitted, Raised: true, Published: false, "An agency submitted a periodic or ad hoc report."),
        new(ReportReturned, Raised: true, Published: false, "The reviewer sent a submitted report back for correction."),
        new(ReportAccepted, Raised: true, Published: true, "The reviewer accepted a submitted report."),
        new(ContributionRequested, Raised: true, Published: false, "A lead agency asked cooperating agencies for contributions."),
        new(ContributionReceived, Raised: true, Published: false, "A cooperating agency submitted its contribution to the lead agency."),
        new(ReportRequestIssued, Raised: true, Published: false, "The coordinator issued an ad hoc report request."),
        new(PlanIssued, Raised: true, Published: true, "A plan was issued."),
        new("obligation.due-soon", Raised: false, Published: false, "Not raised yet: an obligation is due within the configured working days."),
        new("obligation.due-today", Raised: false, Published: false, "Not raised yet: an obligation is due today."),
        new("obligation.overdue", Raised: false, Published: false, "Not raised yet: an obligation is overdue."),
        new("task.overdue", Raised: false, Published: false, "Not raised yet: a plan task is past its due date."),
        new(SelfAssessmentFinalised, Raised: true, Published: true, "The coordinator finalised the province's self-assessment of a year.", MinistryOnly: true),
        new(SnapshotPublished, Raised: true, Published: true, "A signed snapshot of the province's self-assessment can be pulled (a new revision).", MinistryOnly: true),
        new(OfficialResultsImported, Raised: true, Published: true, "Official DTI figures were added or revised by an import."),
    ];

    public static readonly FrozenDictionary<string, WebhookEventType> ByName = All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);
}
