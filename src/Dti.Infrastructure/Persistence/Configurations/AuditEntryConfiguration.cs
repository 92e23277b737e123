using Dti.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ClientId).HasMaxLength(AuditLimits.ClientIdMaxLength);
        builder.Property(e => e.ClientName).HasMaxLength(AuditLimits.ClientNameMaxLength);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(e => e.EntityType).HasMaxLength(AuditLimits.EntityTypeMaxLength);
        builder.Property(e => e.EntityId).HasMaxLength(AuditLimits.EntityIdMaxLength);
        builder.Property(e => e.RequestId).HasMaxLength(AuditLimits.RequestIdMaxLength);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.ClientId);
        builder.HasIndex(e => e.AgencyId);
    }
}
