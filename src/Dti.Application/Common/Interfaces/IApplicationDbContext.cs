using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Auditing;
using Dti.Domain.Calendar;
using Dti.Domain.Clients;
using Dti.Domain.Deadlines;
using Dti.Domain.Evidence;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Dti.Domain.Reminders;
using Dti.Domain.Reports;
using Dti.Domain.Webhooks;
using Dti.Domain.Results;
using Dti.Domain.SelfAssessments;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Common.Interfaces;

/// <summary>The unit of work the use cases read and write through (implemented by EF Core in Infrastructure).</summary>
public interface IApplicationDbContext
{
    DbSet<Framework> Frameworks { get; }

    DbSet<OfficialSchedule> OfficialSchedules { get; }

    DbSet<DeadlineRuleDefinition> DeadlineRules { get; }

    DbSet<ApiClient> Clients { get; }

    /// <summary>Written only by the auditing interceptor; read by the audit query.</summary>
    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Agency> Agencies { get; }

    DbSet<Plan> Plans { get; }

    DbSet<PlanTask> PlanTasks { get; }

    DbSet<IndexAssignment> IndexAssignments { get; }

    /// <summary>Evidence files and links, one row per upload.</summary>
    DbSet<EvidenceItem> Evidence { get; }

    /// <summary>Uploaded bytes by SHA-256, once each; written by the content store (<see cref="Dti.Application.Evidence.IEvidenceContentStore"/>).</summary>
    DbSet<EvidenceContent> EvidenceContents { get; }

    DbSet<Report> Reports { get; }

    /// <summary>Frozen submissions of reports; added by <see cref="Report.Submit"/>'s caller, never changed but for their review outcome.</summary>
    DbSet<ReportVersion> ReportVersions { get; }

    DbSet<ReportRequest> ReportRequests { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    /// <summary>Written by the webhook fan-out and dispatcher; not audited (a log of sending, not a change anyone made).</summary>
    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbSet<SelfAssessment> SelfAssessments { get; }

    /// <summary>Finalised revisions of self-assessments; added once, never changed.</summary>
    DbSet<SelfAssessmentSnapshot> SelfAssessmentSnapshots { get; }

    /// <summary>Who pulled which snapshot revision when.</summary>
    DbSet<SnapshotPull> SnapshotPulls { get; }

    /// <summary>The ministry's appraised and final numbers, per snapshot revision, beside the snapshots and never in them.</summary>
    DbSet<MinistryFigureSet> MinistryFigureSets { get; }

    /// <summary>Provinces as administrative units, with validity periods and the units they merged into.</summary>
    DbSet<ProvinceUnit> ProvinceUnits { get; }

    /// <summary>Official DTI figures per year, field, province, pillar and main index.</summary>
    DbSet<OfficialFigure> OfficialFigures { get; }

    /// <summary>The imports of official figures that changed something; each raised <see cref="OfficialResultsImported"/>.</summary>
    DbSet<ResultsImport> ResultsImports { get; }

    /// <summary>Reminders raised, one per subject and threshold (written by the reminder scan).</summary>
    DbSet<Reminder> Reminders { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
