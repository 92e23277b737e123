using Dti.Domain.Agencies;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> builder)
    {
        builder.ToTable("PlanTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(PlanLimits.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(PlanLimits.DescriptionMaxLength);
        builder.Property(t => t.DueMonth).HasMaxLength(PlanLimits.DueMonthLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(t => t.ProgressNote).HasMaxLength(PlanLimits.NoteMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IndexCodes);
        builder.Ignore(t => t.IsFinished);
        builder.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(t => t.Cooperators).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Progress).WithOne().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.HolderChanges).WithOne().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Cooperators).HasField("_cooperators");
        builder.Navigation(t => t.Progress).HasField("_progress");
        builder.Navigation(t => t.HolderChanges).HasField("_holderChanges");

        // One row per index (owned, so every read of a task brings them), indexed by code for "tasks for index X".
        builder.OwnsMany(t => t.Indices, index =>
        {
            index.ToTable("TaskIndices");
            index.WithOwner().HasForeignKey("TaskId");
            index.HasKey("TaskId", nameof(TaskIndex.IndexCode));
            index.Property(i => i.IndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
            index.HasIndex(i => i.IndexCode);
        });
        builder.Navigation(t => t.Indices).HasField("_indices");
    }
}

internal sealed class TaskCooperatorConfiguration : IEntityTypeConfiguration<TaskCooperator>
{
    public void Configure(EntityTypeBuilder<TaskCooperator> builder)
    {
        builder.ToTable("TaskCooperators");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.TaskId, c.AgencyId }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskProgressEntryConfiguration : IEntityTypeConfiguration<TaskProgressEntry>
{
    public void Configure(EntityTypeBuilder<TaskProgressEntry> builder)
    {
        builder.ToTable("TaskProgressEntries");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(p => p.Note).HasMaxLength(PlanLimits.NoteMaxLength);
    }
}

internal sealed class TaskHolderChangeConfiguration : IEntityTypeConfiguration<TaskHolderChange>
{
    public void Configure(EntityTypeBuilder<TaskHolderChange> builder)
    {
        builder.MapHolderChange("TaskHolderChanges");
    }
}
