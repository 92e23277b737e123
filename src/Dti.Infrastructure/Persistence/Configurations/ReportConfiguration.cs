using Dti.Domain.Agencies;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(r => r.PeriodId).HasMaxLength(ReportingPeriod.IdMaxLength);
        builder.Property(r => r.SubjectKey).HasMaxLength(ReportLimits.SubjectKeyMaxLength);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(r => r.Results).HasMaxLength(ReportLimits.SectionMaxLength);
        builder.Property(r => r.Difficulties).HasMaxLength(ReportLimits.SectionMaxLength);
        builder.Property(r => r.Proposals).HasMaxLength(ReportLimits.SectionMaxLength);
        builder.Property(r => r.CountedTimeliness).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Lifecycle);

        // An agency answers each obligation or request once; retries and races meet this index (409).
        builder.HasIndex(r => new { r.AgencyId, r.SubjectKey }).IsUnique();
        builder.HasIndex(r => new { r.PlanId, r.PeriodId });
        // The year alone: a year holds a few hundred reports, which a filter on State reads through cheaply, and every
        // submission, withdrawal and review changes State, so an index holding it would make each of those updates write
        // a new entry into every index of the table instead of updating the row in place (PostgreSQL's HOT updates).
        builder.HasIndex(r => r.AssessmentYear);
        builder.HasIndex(r => r.ReviewingAgencyId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DeadlineRuleDefinition>().WithMany().HasForeignKey(r => r.DeadlineRuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportRequest>().WithMany().HasForeignKey(r => r.ReportRequestId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Entries).HasField("_entries");

        // A snapshot read and written whole with its report, never queried apart from it: one JSON column (ADR 0018).
        builder.Property(r => r.Tasks).HasField("_tasks").HasJsonList();
    }
}

internal sealed class ReportEntryConfiguration : IEntityTypeConfiguration<ReportEntry>
{
    public void Configure(EntityTypeBuilder<ReportEntry> builder)
    {
        builder.ToTable("ReportEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.IndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(e => e.NumericValue).HasPrecision(DecimalKind.IndexValue);
        builder.Property(e => e.TextValue).HasMaxLength(ReportLimits.TextValueMaxLength);
        builder.Property(e => e.Score).HasPrecision(DecimalKind.Points);
        builder.Property(e => e.Note).HasMaxLength(ReportLimits.NoteMaxLength);
        builder.Property(e => e.Explanation).HasMaxLength(ReportLimits.ExplanationMaxLength);
        builder.HasIndex(e => new { e.ReportId, e.IndexCode }).IsUnique();

        // The evidence cited and the provenance (which contribution and version a value was taken from), in the author's
        // order: written and read whole with the entry, never queried apart from it, so JSON columns in its row (ADR 0018).
        builder.Property(e => e.EvidenceIds).HasField("_evidenceIds").HasJsonList();
        builder.Property(e => e.Sources).HasField("_sources").HasJsonList();
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.ToTable("ReportVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content);
        builder.Property(v => v.ContentHash).HasMaxLength(ReportLimits.ContentHashLength).IsFixedLength();
        builder.Property(v => v.SubmittedById).HasMaxLength(ReportLimits.ActorIdMaxLength);
        builder.Property(v => v.SubmittedByName).HasMaxLength(ReportLimits.ActorNameMaxLength);
        builder.Property(v => v.Timeliness).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(v => v.ReviewedById).HasMaxLength(ReportLimits.ActorIdMaxLength);
        builder.Property(v => v.ReviewedByName).HasMaxLength(ReportLimits.ActorNameMaxLength);
        builder.Property(v => v.ReturnReason).HasMaxLength(ReportLimits.ReasonMaxLength);

        // One version per number: two racing submissions cannot both freeze version n.
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        builder.HasOne<Report>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.IndexNotes).WithOne().HasForeignKey(n => n.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.IndexNotes).HasField("_indexNotes");
    }
}

internal sealed class ReportReturnNoteConfiguration : IEntityTypeConfiguration<ReportReturnNote>
{
    public void Configure(EntityTypeBuilder<ReportReturnNote> builder)
    {
        builder.ToTable("ReportReturnNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.IndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(n => n.Note).HasMaxLength(ReportLimits.ReasonMaxLength);
        builder.HasIndex(n => new { n.VersionId, n.IndexCode }).IsUnique();
    }
}

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> builder)
    {
        builder.ToTable("ReportRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(r => r.Topic).HasMaxLength(ReportLimits.TopicMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Deadline);
        builder.Ignore(r => r.AskedAgencyIds);
        builder.Ignore(r => r.AskedIndexCodes);
        builder.HasIndex(r => new { r.AssessmentYear, r.Kind });
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.IssuerAgencyId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(r => r.AskedAgencies, agency =>
        {
            agency.ToTable("ReportRequestAgencies");
            agency.WithOwner().HasForeignKey("RequestId");
            agency.HasKey("RequestId", nameof(ReportRequestAgency.AgencyId));
            agency.HasIndex(a => a.AgencyId);
            agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(r => r.AskedIndices, index =>
        {
            index.ToTable("ReportRequestIndices");
            index.WithOwner().HasForeignKey("RequestId");
            index.HasKey("RequestId", nameof(ReportRequestIndex.IndexCode));
            index.Property(i => i.IndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        });
        builder.Navigation(r => r.AskedAgencies).HasField("_askedAgencies");
        builder.Navigation(r => r.AskedIndices).HasField("_askedIndices");
    }
}
