using Dti.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");

        // The key that makes one claim win: a client's key, whichever instance inserts it first.
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.ClientId).HasMaxLength(IdempotencyRecord.ClientIdMaxLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength).IsUnicode(false);
        builder.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.HashLength);
        builder.Property(r => r.ContentType).HasMaxLength(IdempotencyRecord.ContentTypeMaxLength);
        builder.Property(r => r.Location).HasMaxLength(IdempotencyRecord.LocationMaxLength);
        builder.Property(r => r.ETag).HasMaxLength(IdempotencyRecord.ETagMaxLength);

        // What the clean-up deletes.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
