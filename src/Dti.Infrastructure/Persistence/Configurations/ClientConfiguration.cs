using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("Clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(ClientLimits.NameMaxLength);
        builder.Property(c => c.Contact).HasMaxLength(ClientLimits.ContactMaxLength);
        builder.Property(c => c.KeyId).HasMaxLength(ClientLimits.KeyIdLength);
        builder.HasIndex(c => c.KeyId).IsUnique();
        builder.Property(c => c.KeyHash).HasMaxLength(ClientLimits.KeyHashLength).IsAuditRedacted();
        // The column came after the table: its default gave existing clients version 1 (SQLite cannot drop a default
        // without rebuilding the table, so the model keeps it; the domain sets the version of every new client anyway).
        builder.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(1);

        // Small lists stored as comma-separated text: the same column on every provider.
        builder.Property(c => c.Roles)
            .HasConversion(
                roles => string.Join(',', roles),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ClientRole>).ToArray(),
                ListComparer<ClientRole>())
            .HasMaxLength(ClientLimits.RolesMaxLength);
        builder.Property(c => c.AgencyIds)
            .HasConversion(
                ids => string.Join(',', ids),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToArray(),
                ListComparer<Guid>())
            .HasMaxLength(ClientLimits.AgencyIdsMaxLength);
    }

    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToArray());
}
