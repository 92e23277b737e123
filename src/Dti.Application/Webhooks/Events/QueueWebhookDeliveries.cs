using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dti.Application.Common.Events;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Domain.Plans;
using Dti.Domain.Reminders;
using Dti.Domain.Reports;
using Dti.Domain.Results;
using Dti.Domain.SelfAssessments;
using Dti.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dti.Application.Webhooks.Events;

/// <summary>
/// Fans a committed domain event out to the subscriptions that asked for its public type and may receive it: one
/// <see cref="WebhookDelivery"/> per subscription, with the body fixed now. The outbox publishes an event at least
/// once, so deliveries already queued for the event are left as they are (and a unique index on subscription and
/// event stops a concurrent second pass).
/// </summary>
/// <remarks>
/// Who receives what (docs/webhooks.md): a coordinator's subscription every event; an agency reporter's the events
/// about its agencies (the reporting agency, the agency reviewing a contribution, the issuer and the asked agencies
/// of a request, the issuer of a plan); a reader's or the ministry's only events about something published
/// (<see cref="WebhookEventType.Published"/>: accepted reports, issued plans, imported official results), and of
/// those the self-assessment's (<see cref="WebhookEventType.MinistryOnly"/>) only the ministry's, the one role besides
/// the coordinator that may pull its snapshots. The province's own events concern no agency, so no agency reporter
/// receives them. Reminders reach the agency they are about (and a request's issuer); an escalation names no agency, so
/// only coordinators receive it.
/// </remarks>
public sealed class QueueWebhookDeliveries(IApplicationDbContext db, IOptions<WebhookOptions> options, TimeProvider clock)
    : INotificationHandler<DomainEventNotification<ReportSubmitted>>,
        INotificationHandler<DomainEventNotification<ReportReturned>>,
        INotificationHandler<DomainEventNotification<ReportAccepted>>,
        INotificationHandler<DomainEventNotification<ReportRequestIssued>>,
        INotificationHandler<DomainEventNotification<PlanIssued>>,
        INotificationHandler<DomainEventNotification<SelfAssessmentFinalised>>,
        INotificationHandler<DomainEventNotification<OfficialResultsImported>>,
        INotificationHandler<DomainEventNotification<ReminderRaised>>
{
    /// <summary>
    /// The active subscriptions that asked for an event type; compiled, as the outbox fans every event out through it.
    /// </summary>
    private static readonly CompiledPerModel<Func<DbContext, string, IAsyncEnumerable<WebhookSubscription>>> Asking = new(() => EF.CompileAsyncQuery(
        (DbContext context, string type) => context.Set<WebhookSubscription>().Where(s => s.Active && s.EventTypeChoices.Any(t => t.EventType == type))));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task Handle(DomainEventNotification<ReportSubmitted> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var type = e.Kind == ReportKind.Contribution ? WebhookEventTypes.ContributionReceived : WebhookEventTypes.ReportSubmitted;
        var data = new { reportId = e.ReportId, agencyId = e.AgencyId, kind = e.Kind, versionNumber = e.VersionNumber, timeliness = e.Timeliness, workingDaysLate = e.WorkingDaysLate };
        await QueueAsync(notification, type, Report(e.ReportId), ReportAgencies(e.ReportId, e.AgencyId), data, cancellationToken);
    }

    public async Task Handle(DomainEventNotification<ReportReturned> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var data = new { reportId = e.ReportId, agencyId = e.AgencyId, kind = e.Kind, versionNumber = e.VersionNumber, reason = e.Reason, indexCodes = e.IndexCodes };
        await QueueAsync(notification, WebhookEventTypes.ReportReturned, Report(e.ReportId), ReportAgencies(e.ReportId, e.AgencyId), data, cancellationToken);
    }

    public async Task Handle(DomainEventNotification<ReportAccepted> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var data = new { reportId = e.ReportId, agencyId = e.AgencyId, kind = e.Kind, versionNumber = e.VersionNumber };
        await QueueAsync(notification, WebhookEventTypes.ReportAccepted, Report(e.ReportId), ReportAgencies(e.ReportId, e.AgencyId), data, cancellationToken);
    }

    public Task Handle(DomainEventNotification<ReportRequestIssued> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var type = e.Kind == ReportRequestKind.Contribution ? WebhookEventTypes.ContributionRequested : WebhookEventTypes.ReportRequestIssued;
        var data = new { requestId = e.RequestId, kind = e.Kind, issuerAgencyId = e.IssuerAgencyId, askedAgencyIds = e.AskedAgencyIds, dueDate = e.DueDate };
        var resource = new Resource("report-request", e.RequestId, $"/api/v1/report-requests/{e.RequestId}");
        return QueueAsync(notification, type, resource, [e.IssuerAgencyId, .. e.AskedAgencyIds], data, cancellationToken);
    }

    public Task Handle(DomainEventNotification<PlanIssued> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var data = new { planId = e.PlanId, documentNumber = e.DocumentNumber, issuerAgencyId = e.IssuerAgencyId };
        return QueueAsync(notification, WebhookEventTypes.PlanIssued, new Resource("plan", e.PlanId, $"/api/v1/plans/{e.PlanId}"), [e.IssuerAgencyId], data, cancellationToken);
    }

    /// <summary>One finalisation is told twice: the self-assessment was finalised, and its new snapshot can be pulled.</summary>
    public async Task Handle(DomainEventNotification<SelfAssessmentFinalised> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var snapshotPath = $"/api/v1/self-assessments/{e.AssessmentYear}/snapshots/{e.Revision}";
        var snapshotUrl = $"{options.Value.PublicBaseUrl?.TrimEnd('/')}{snapshotPath}";
        var finalised = new { selfAssessmentId = e.SelfAssessmentId, assessmentYear = e.AssessmentYear, revision = e.Revision, sha256 = e.Sha256, snapshotUrl };
        var assessment = new Resource("self-assessment", e.SelfAssessmentId, $"/api/v1/self-assessments/{e.AssessmentYear}");
        await QueueAsync(notification, WebhookEventTypes.SelfAssessmentFinalised, assessment, [], finalised, cancellationToken);

        var snapshot = await db.SelfAssessmentSnapshots.Where(s => s.SelfAssessmentId == e.SelfAssessmentId && s.Revision == e.Revision)
            .Select(s => s.Id).SingleAsync(cancellationToken);
        var published = new { selfAssessmentId = e.SelfAssessmentId, assessmentYear = e.AssessmentYear, revision = e.Revision, sha256 = e.Sha256 };
        await QueueAsync(
            DerivedEventId(notification.MessageId, WebhookEventTypes.SnapshotPublished), notification.OccurredAt, WebhookEventTypes.SnapshotPublished,
            new Resource("snapshot", snapshot, snapshotPath), _ => Task.FromResult<IReadOnlyCollection<Guid>>([]), published, cancellationToken);
    }

    public Task Handle(DomainEventNotification<OfficialResultsImported> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var data = new { years = e.Years, added = e.Added, updated = e.Updated, unchanged = e.Unchanged };
        var latest = new Resource("official-results", e.ImportId, $"/api/v1/official-results/{e.Years.Max()}");
        return QueueAsync(notification, WebhookEventTypes.OfficialResultsImported, latest, [], data, cancellationToken);
    }

    /// <summary>
    /// The id of a second public event told from one domain event: deliveries are unique per subscription and event id,
    /// and a receiver deduplicates on it, so it must differ from the first's yet be the same every time the outbox
    /// publishes the domain event again. A name-based UUID (version 8, RFC 9562) of the message id and the type.
    /// </summary>
    private static Guid DerivedEventId(Guid messageId, string type)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId:D}/{type}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public Task Handle(DomainEventNotification<ReminderRaised> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var threshold = e.Threshold switch
        {
            ReminderThreshold.DueSoon => "due-soon",
            ReminderThreshold.DueToday => "due-today",
            ReminderThreshold.Overdue => "overdue",
            _ => "escalated",
        };
        var data = new
        {
            subject = e.Subject,
            agencyId = e.AgencyId,
            dueOn = e.DueOn,
            dueAt = e.DueAt,
            threshold = e.Threshold,
            workingDaysLate = e.WorkingDaysLate,
            planId = e.PlanId,
            deadlineRuleId = e.DeadlineRuleId,
            periodId = e.PeriodId,
        };
        var (type, resource, agencies) = e.Subject switch
        {
            ReminderSubject.Obligation => (
                $"obligation.{threshold}",
                new Resource("obligations", e.AgencyId, $"/api/v1/agencies/{e.AgencyId}/obligations?from={e.DueOn:yyyy-MM-dd}&to={e.DueOn:yyyy-MM-dd}"),
                e.Threshold == ReminderThreshold.Escalated ? [] : new[] { e.AgencyId }),
            ReminderSubject.ReportRequest => (
                $"report-request.{threshold}",
                new Resource("report-request", e.SubjectId, $"/api/v1/report-requests/{e.SubjectId}"),
                e.OtherAgencyId is { } issuer ? [e.AgencyId, issuer] : [e.AgencyId]),
            _ => ($"task.{threshold}", new Resource("task", e.SubjectId, $"/api/v1/plans/{e.PlanId}/tasks/{e.SubjectId}"), [e.AgencyId]),
        };
        return QueueAsync(notification, type, resource, agencies, data, cancellationToken);
    }

    private static Resource Report(Guid id) => new("report", id, $"/api/v1/reports/{id}");

    /// <summary>
    /// The reporting agency and, for a contribution, the lead agency reviewing it: read only when some subscription asked
    /// for the event (most events of a province reach none, and the read would be their one statement but the subscriptions').
    /// </summary>
    private AgencyIds ReportAgencies(Guid reportId, Guid agencyId) => async cancellationToken =>
    {
        var reviewing = await db.Reports.Where(r => r.Id == reportId).Select(r => r.ReviewingAgencyId).SingleOrDefaultAsync(cancellationToken);
        return reviewing is { } lead ? [agencyId, lead] : [agencyId];
    };

    private Task QueueAsync<TEvent>(
        DomainEventNotification<TEvent> notification, string type, Resource resource, IReadOnlyCollection<Guid> agencyIds, object data, CancellationToken cancellationToken)
        where TEvent : Domain.Common.IDomainEvent =>
        QueueAsync(notification, type, resource, _ => Task.FromResult(agencyIds), data, cancellationToken);

    private Task QueueAsync<TEvent>(
        DomainEventNotification<TEvent> notification, string type, Resource resource, AgencyIds agencyIds, object data, CancellationToken cancellationToken)
        where TEvent : Domain.Common.IDomainEvent =>
        QueueAsync(notification.MessageId, notification.OccurredAt, type, resource, agencyIds, data, cancellationToken);

    private async Task QueueAsync(
        Guid eventId, DateTimeOffset occurredAt, string type, Resource resource, AgencyIds agencyIds, object data, CancellationToken cancellationToken)
    {
        var eventType = WebhookEventTypes.ByName[type];
        var asked = new List<WebhookSubscription>();
        var context = (DbContext)db;
        await foreach (var subscription in Asking.For(context)(context, type).WithCancellation(cancellationToken))
        {
            asked.Add(subscription);
        }

        if (asked.Count == 0)
        {
            return;
        }

        var agencies = await agencyIds(cancellationToken);
        var receivers = asked.Where(s => s.MayReceive(agencies, eventType)).Select(s => s.Id).ToList();
        if (receivers.Count == 0)
        {
            return;
        }

        var queued = await db.WebhookDeliveries.Where(d => d.EventId == eventId).Select(d => d.SubscriptionId).ToListAsync(cancellationToken);
        var body = JsonSerializer.Serialize(
            new
            {
                id = eventId,
                type,
                occurredAt,
                resource = new { type = resource.Type, id = resource.Id, url = $"{options.Value.PublicBaseUrl?.TrimEnd('/')}{resource.Path}" },
                data,
            },
            Json);
        var now = clock.GetUtcNow();
        foreach (var subscription in receivers.Except(queued))
        {
            db.WebhookDeliveries.Add(WebhookDelivery.Create(subscription, eventId, type, body, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Resource(string Type, Guid Id, string Path);

    /// <summary>The agencies an event is about, found when a subscription asks for it.</summary>
    private delegate Task<IReadOnlyCollection<Guid>> AgencyIds(CancellationToken cancellationToken);
}
