using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public const int EnumMaxLength = 20;

    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.ToTable("Frameworks");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Code).HasMaxLength(FrameworkLimits.CodeMaxLength);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.DecisionNumber).HasMaxLength(FrameworkLimits.DecisionNumberMaxLength);
        builder.Property(f => f.IssuingMinistry).HasMaxLength(FrameworkLimits.MinistryMaxLength);
        builder.Property(f => f.TitleVi).HasMaxLength(FrameworkLimits.TitleMaxLength);
        builder.Property(f => f.TitleEn).HasMaxLength(FrameworkLimits.TitleMaxLength);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();

        builder.HasMany(f => f.Pillars).WithOne().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.MainIndices).WithOne().HasForeignKey(m => m.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.ComponentIndices).WithOne().HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Pillars).HasField("_pillars");
        builder.Navigation(f => f.MainIndices).HasField("_mainIndices");
        builder.Navigation(f => f.ComponentIndices).HasField("_componentIndices");
    }
}

internal sealed class PillarConfiguration : IEntityTypeConfiguration<Pillar>
{
    public void Configure(EntityTypeBuilder<Pillar> builder)
    {
        builder.ToTable("Pillars");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(p => p.NameVi).HasMaxLength(FrameworkLimits.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(FrameworkLimits.NameMaxLength);
        builder.HasIndex(p => new { p.FrameworkId, p.Code }).IsUnique();
    }
}

internal sealed class MainIndexConfiguration : IEntityTypeConfiguration<MainIndex>
{
    public void Configure(EntityTypeBuilder<MainIndex> builder)
    {
        builder.ToTable("MainIndices");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(m => m.NameVi).HasMaxLength(FrameworkLimits.NameMaxLength);
        builder.Property(m => m.NameEn).HasMaxLength(FrameworkLimits.NameMaxLength);
        builder.Property(m => m.Group).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(m => m.PillarCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(m => m.MaxPoints).HasPrecision(DecimalKind.Points);
        builder.HasIndex(m => new { m.FrameworkId, m.Code }).IsUnique();
    }
}

internal sealed class ComponentIndexConfiguration : IEntityTypeConfiguration<ComponentIndex>
{
    public void Configure(EntityTypeBuilder<ComponentIndex> builder)
    {
        builder.ToTable("ComponentIndices");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(c => c.MainIndexCode).HasMaxLength(FrameworkLimits.IndexCodeMaxLength);
        builder.Property(c => c.NameVi).HasMaxLength(FrameworkLimits.NameMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(FrameworkLimits.NameMaxLength);
        builder.Property(c => c.MeasureType).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(c => c.Unit).HasMaxLength(FrameworkLimits.UnitMaxLength);
        builder.Property(c => c.DataSource).HasMaxLength(FrameworkLimits.DataSourceMaxLength);
        builder.Property(c => c.MaxPoints).HasPrecision(DecimalKind.Points);
        builder.HasIndex(c => new { c.FrameworkId, c.Code }).IsUnique();
    }
}
