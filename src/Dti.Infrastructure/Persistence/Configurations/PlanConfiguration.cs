using Dti.Domain.Agencies;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(p => p.DocumentNumber).HasMaxLength(PlanLimits.DocumentNumberMaxLength);
        builder.Property(p => p.Title).HasMaxLength(PlanLimits.TitleMaxLength);
        builder.Property(p => p.Summary).HasMaxLength(PlanLimits.SummaryMaxLength);
        builder.Property(p => p.TargetRankGroup).HasMaxLength(PlanLimits.RankGroupMaxLength);
        builder.Property(p => p.TargetTotalScore).HasPrecision(DecimalKind.Points);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsOpen);
        builder.HasIndex(p => new { p.IssuerAgencyId, p.DocumentNumber }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.IssuerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(p => p.SupersededById).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.IndexTargets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SolutionGroups).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.IndexTargets).HasField("_indexTargets");
        builder.Navigation(p => p.SolutionGroups).HasField("_solutionGroups");
        builder.HasMany(p => p.ReportingRules).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.ReportingRules).HasField("_reportingRules");
    }
}

internal sealed class PlanIndexTargetConfiguration : IEntityTypeConfiguration<PlanIndexTarget>
{
    public void Configure(EntityTypeBuilder<PlanIndexTarget> builder)
    {
        builder.ToTable("PlanIndexTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.MainIndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(t => t.TargetValue).HasPrecision(DecimalKind.IndexValue);
        builder.Property(t => t.TargetPoints).HasPrecision(DecimalKind.Points);
    }
}

internal sealed class SolutionGroupConfiguration : IEntityTypeConfiguration<SolutionGroup>
{
    public void Configure(EntityTypeBuilder<SolutionGroup> builder)
    {
        builder.ToTable("SolutionGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Title).HasMaxLength(PlanLimits.TitleMaxLength);
        builder.Property(g => g.MainIndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
    }
}

internal sealed class PlanReportingRuleConfiguration : IEntityTypeConfiguration<PlanReportingRule>
{
    public void Configure(EntityTypeBuilder<PlanReportingRule> builder)
    {
        builder.ToTable("PlanReportingRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.PlanId, r.DeadlineRuleId }).IsUnique();

        // A rule a plan reports by cannot be deleted (the API answers 409 deadline-rule.in-use first).
        builder.HasOne<DeadlineRuleDefinition>().WithMany().HasForeignKey(r => r.DeadlineRuleId).OnDelete(DeleteBehavior.Restrict);
    }
}
