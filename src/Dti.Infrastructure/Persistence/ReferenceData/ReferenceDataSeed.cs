using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.ReferenceData;

/// <summary>
/// Marks one reference-data item as loaded, so that a coordinator who deletes or replaces it is not
/// overruled by the next start (e.g. <c>official-schedule:2026</c>, <c>deadline-rule:…</c>).
/// </summary>
public sealed class ReferenceDataSeed
{
    public const int MaxKeyLength = 250;

    public ReferenceDataSeed(string key, DateTimeOffset appliedAt)
    {
        Key = key;
        AppliedAt = appliedAt;
    }

    public string Key { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }
}

internal sealed class ReferenceDataSeedConfiguration : IEntityTypeConfiguration<ReferenceDataSeed>
{
    public void Configure(EntityTypeBuilder<ReferenceDataSeed> builder)
    {
        builder.ToTable("ReferenceDataSeeds");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(ReferenceDataSeed.MaxKeyLength).ValueGeneratedNever();
    }
}
