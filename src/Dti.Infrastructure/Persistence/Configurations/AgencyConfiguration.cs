using Dti.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(AgencyLimits.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.FullName).HasMaxLength(AgencyLimits.FullNameMaxLength);
        builder.Property(a => a.ShortName).HasMaxLength(AgencyLimits.ShortNameMaxLength);
        builder.Property(a => a.SearchName).HasMaxLength(AgencyLimits.SearchNameMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(AgencyLimits.KindMaxLength);
        builder.Property(a => a.SuccessionReason).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(a => a.SuccessionNote).HasMaxLength(AgencyLimits.NoteMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
