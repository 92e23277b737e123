using Dti.Domain.Agencies;
using Dti.Domain.Evidence;
using Dti.Infrastructure.Evidence;
using Dti.Infrastructure.Persistence.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("Evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(e => e.FileName).HasMaxLength(EvidenceLimits.FileNameMaxLength);
        builder.Property(e => e.MediaType).HasMaxLength(EvidenceLimits.MediaTypeMaxLength);
        builder.Property(e => e.Sha256).HasMaxLength(EvidenceLimits.Sha256Length);
        builder.Property(e => e.Url).HasMaxLength(EvidenceLimits.UrlMaxLength);
        builder.Property(e => e.Description).HasMaxLength(EvidenceLimits.DescriptionMaxLength);
        builder.Property(e => e.UploadedBy).HasMaxLength(EvidenceLimits.UploadedByMaxLength);
        builder.Property(e => e.UploadedByName).HasMaxLength(EvidenceLimits.UploadedByNameMaxLength);

        // An agency's evidence, newest first.
        builder.HasIndex(e => new { e.AgencyId, e.UploadedAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceContent>().WithMany().HasForeignKey(e => e.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.ToTable("EvidenceContents");
        builder.HasKey(c => c.Sha256);
        builder.Property(c => c.Sha256).HasMaxLength(EvidenceLimits.Sha256Length).ValueGeneratedNever();
        builder.Property(c => c.MediaType).HasMaxLength(EvidenceLimits.MediaTypeMaxLength);
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> builder)
    {
        // bytea on PostgreSQL, BLOB on SQLite, varbinary(max) on SQL Server: a byte array without a length.
        builder.ToTable("EvidenceBlobs");
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(EvidenceLimits.Sha256Length).ValueGeneratedNever();
        builder.Property(b => b.Bytes).IsAuditRedacted();
        builder.HasOne<EvidenceContent>().WithOne().HasForeignKey<EvidenceBlob>(b => b.Sha256).OnDelete(DeleteBehavior.Cascade);
    }
}
