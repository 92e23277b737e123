using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class IndexAssignmentConfiguration : IEntityTypeConfiguration<IndexAssignment>
{
    public void Configure(EntityTypeBuilder<IndexAssignment> builder)
    {
        builder.ToTable("IndexAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.IndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(a => a.ResponsiblePersonName).HasMaxLength(AssignmentLimits.PersonNameMaxLength);
        builder.Property(a => a.ResponsiblePersonTitle).HasMaxLength(AssignmentLimits.PersonTitleMaxLength);
        builder.Property(a => a.TargetValue).HasPrecision(DecimalKind.IndexValue);
        builder.Property(a => a.TargetPoints).HasPrecision(DecimalKind.Points);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.PlanId, a.IndexCode }).IsUnique();
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(a => a.Cooperators).WithOne().HasForeignKey(c => c.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Cooperators).HasField("_cooperators");
        builder.Navigation(a => a.History).HasField("_history");
    }
}

internal sealed class AssignmentCooperatorConfiguration : IEntityTypeConfiguration<AssignmentCooperator>
{
    public void Configure(EntityTypeBuilder<AssignmentCooperator> builder)
    {
        builder.ToTable("AssignmentCooperators");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.AssignmentId, c.AgencyId }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentHolderChangeConfiguration : IEntityTypeConfiguration<AssignmentHolderChange>
{
    public void Configure(EntityTypeBuilder<AssignmentHolderChange> builder)
    {
        builder.MapHolderChange("AssignmentHolderChanges");
    }
}
