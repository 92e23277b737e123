using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    /// <summary>The key column of the client's list tables (a shadow property: the domain's rows do not carry it).</summary>
    private const string ClientKey = "ClientId";

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

        // Lists are child tables (owned, so every read of a client brings them): indexable and queryable the same way
        // on every provider. The ordered views Roles and AgencyIds are the domain's, not columns.
        builder.Ignore(c => c.Roles);
        builder.Ignore(c => c.AgencyIds);
        builder.OwnsMany(c => c.RoleGrants, role =>
        {
            role.ToTable("ClientRoles");
            role.WithOwner().HasForeignKey(ClientKey);
            role.HasKey(ClientKey, nameof(ClientRoleGrant.Role));
            role.Property(r => r.Role).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        });
        builder.OwnsMany(c => c.Agencies, agency =>
        {
            agency.ToTable("ClientAgencies");
            agency.WithOwner().HasForeignKey(ClientKey);
            agency.HasKey(ClientKey, nameof(ClientAgency.AgencyId));
            agency.Property(a => a.AgencyId).ValueGeneratedNever();
            agency.HasIndex(a => a.AgencyId);
        });
        builder.Navigation(c => c.RoleGrants).HasField("_roleGrants");
        builder.Navigation(c => c.Agencies).HasField("_agencies");
    }
}
