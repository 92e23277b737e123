using Dti.Application.Common.Interfaces;
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
using Dti.Infrastructure.Idempotency;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence.Auditing;
using Dti.Infrastructure.Persistence.ReferenceData;
using Dti.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dti.Infrastructure.Persistence;

public sealed class DtiDbContext(DbContextOptions<DtiDbContext> options) : DbContext(options), IApplicationDbContext
{
    public DbSet<Framework> Frameworks => Set<Framework>();

    public DbSet<OfficialSchedule> OfficialSchedules => Set<OfficialSchedule>();

    public DbSet<DeadlineRuleDefinition> DeadlineRules => Set<DeadlineRuleDefinition>();

    /// <summary>Which reference-data items have been loaded once (see <see cref="ReferenceDataSeeder"/>).</summary>
    public DbSet<ReferenceDataSeed> ReferenceDataSeeds => Set<ReferenceDataSeed>();

    public DbSet<ApiClient> Clients => Set<ApiClient>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();

    public DbSet<IndexAssignment> IndexAssignments => Set<IndexAssignment>();

    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();

    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    /// <summary>Idempotency-Key claims and the responses replayed to retries (see <see cref="IdempotencyStore"/>); not part of the application's unit of work.</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<SelfAssessmentSnapshot> SelfAssessmentSnapshots => Set<SelfAssessmentSnapshot>();

    public DbSet<SnapshotPull> SnapshotPulls => Set<SnapshotPull>();

    public DbSet<MinistryFigureSet> MinistryFigureSets => Set<MinistryFigureSet>();

    public DbSet<ProvinceUnit> ProvinceUnits => Set<ProvinceUnit>();

    public DbSet<OfficialFigure> OfficialFigures => Set<OfficialFigure>();

    public DbSet<ResultsImport> ResultsImports => Set<ResultsImport>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    /// <summary>The one row a reminder scan locks so that scans of several instances take turns (see <see cref="ReminderScanner"/>).</summary>
    public DbSet<ReminderScanClaim> ReminderScanClaims => Set<ReminderScanClaim>();

    /// <summary>Domain events waiting to be dispatched (see <see cref="OutboxInterceptor"/>); not part of the application's unit of work.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Whom this scope's writes are recorded under (see <see cref="AuditActor"/>); null outside a scope that set it.</summary>
    internal AuditActor? Actor { get; set; }

    /// <summary>Whether the save in progress stored domain events, so that the dispatcher is woken once it commits.</summary>
    internal bool WroteOutboxMessages { get; set; }

    /// <summary>
    /// Detects changes once for the whole save, then saves with automatic detection off, and turns it back on however the
    /// save ends. Otherwise the audit's reading of the tracker, the outbox's and EF Core's own step before writing would
    /// each scan every tracked entity again; nothing between them changes a tracked value (audit entries and outbox
    /// messages are added as such).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = DetectOnce();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = DetectOnce();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Detects changes and turns automatic detection off; returns whether it was on.</summary>
    private bool DetectOnce()
    {
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detect;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DtiDbContext).Assembly);

    /// <summary>
    /// Instants are stored as UTC date-times: every provider can compare and order those
    /// (SQLite cannot order DateTimeOffset), and PostgreSQL keeps them as timestamptz.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <summary>
    /// Set while a DI scope holds this context (<see cref="ScopedDtiDbContext"/>). The scope's container disposes every
    /// service it resolved to this one instance — as <see cref="DtiDbContext"/> and as <c>IApplicationDbContext</c> — so
    /// a pooled context would go back to the pool twice, and the second return, if another scope had rented the context
    /// in between, would hand that scope's context to a third while still in use (two requests on one connection). While
    /// the scope holds it, a disposal is ignored; the scope releases it once.
    /// </summary>
    internal bool HeldByScope { get; set; }

    /// <summary>A pooled context goes back to the pool here: it must not carry one scope's caller to the next.</summary>
    public override void Dispose()
    {
        if (!HeldByScope)
        {
            Actor = null;
            WroteOutboxMessages = false;
            base.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        if (HeldByScope)
        {
            return ValueTask.CompletedTask;
        }

        Actor = null;
        WroteOutboxMessages = false;
        return base.DisposeAsync();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}
