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
using Dti.Infrastructure.Idempotency;
using Dti.Domain.Reports;
using Dti.Domain.Webhooks;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Domain events waiting to be dispatched (see <see cref="OutboxInterceptor"/>); not part of the application's unit of work.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

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

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}
