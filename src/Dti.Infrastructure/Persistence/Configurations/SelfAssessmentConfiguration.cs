using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using Dti.Domain.SelfAssessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.ToTable("SelfAssessments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();

        // One self-assessment per year; two coordinators opening it at once meet this index (409).
        builder.HasIndex(s => s.AssessmentYear).IsUnique();
        builder.HasOne<Framework>().WithMany().HasForeignKey(s => s.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DeadlineRuleDefinition>().WithMany().HasForeignKey(s => s.DeadlineRuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Overrides).WithOne().HasForeignKey(o => o.SelfAssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Overrides).HasField("_overrides");
    }
}

internal sealed class SelfAssessmentOverrideConfiguration : IEntityTypeConfiguration<SelfAssessmentOverride>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentOverride> builder)
    {
        builder.ToTable("SelfAssessmentOverrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.IndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(o => o.Value).HasPrecision(DecimalKind.IndexValue);
        builder.Property(o => o.Score).HasPrecision(DecimalKind.Points);
        builder.Property(o => o.Reason).HasMaxLength(SelfAssessmentLimits.ReasonMaxLength);
        builder.Property(o => o.ById).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);
        builder.Property(o => o.ByName).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);
        builder.HasIndex(o => new { o.SelfAssessmentId, o.IndexCode }).IsUnique();
    }
}

internal sealed class SelfAssessmentSnapshotConfiguration : IEntityTypeConfiguration<SelfAssessmentSnapshot>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentSnapshot> builder)
    {
        builder.ToTable("SelfAssessmentSnapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Document);
        builder.Property(s => s.Sha256).HasMaxLength(ReportLimits.ContentHashLength).IsFixedLength();
        builder.Property(s => s.SignatureFormat).HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(s => s.SignerThumbprint).HasMaxLength(ReportLimits.ContentHashLength).IsFixedLength();
        builder.Property(s => s.FinalisedById).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);
        builder.Property(s => s.FinalisedByName).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);

        // One snapshot per revision: two racing finalisations cannot both freeze revision n.
        builder.HasIndex(s => new { s.AssessmentYear, s.Revision }).IsUnique();
        builder.HasOne<SelfAssessment>().WithMany().HasForeignKey(s => s.SelfAssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SnapshotPullConfiguration : IEntityTypeConfiguration<SnapshotPull>
{
    public void Configure(EntityTypeBuilder<SnapshotPull> builder)
    {
        builder.ToTable("SnapshotPulls");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Format).HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(p => p.ById).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);
        builder.Property(p => p.ByName).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);
        builder.Property(p => p.Role).HasMaxLength(SelfAssessmentLimits.ActorMaxLength);
        builder.HasIndex(p => new { p.AssessmentYear, p.At });
        builder.HasOne<SelfAssessmentSnapshot>().WithMany().HasForeignKey(p => p.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
