using Dti.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

/// <summary>The columns every holder-change table shares; each owner adds its own key column and foreign key.</summary>
internal static class HolderChangeMapping
{
    public static void MapHolderChange<T>(this EntityTypeBuilder<T> builder, string table)
        where T : HolderChange
    {
        builder.ToTable(table);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Role).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(h => h.Reason).HasMaxLength(HolderChange.ReasonMaxLength);
    }
}
