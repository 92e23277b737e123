using Dti.Domain.Common;
using Dti.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class ProvinceUnitConfiguration : IEntityTypeConfiguration<ProvinceUnit>
{
    public void Configure(EntityTypeBuilder<ProvinceUnit> builder)
    {
        builder.ToTable("ProvinceUnits");
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(ResultLimits.UnitCodeMaxLength).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(ResultLimits.UnitNameMaxLength);
        builder.Property(u => u.SuccessorCode).HasMaxLength(ResultLimits.UnitCodeMaxLength);
        builder.HasOne<ProvinceUnit>().WithMany().HasForeignKey(u => u.SuccessorCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfficialFigureConfiguration : IEntityTypeConfiguration<OfficialFigure>
{
    public void Configure(EntityTypeBuilder<OfficialFigure> builder)
    {
        builder.ToTable("OfficialFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ProvinceCode).HasMaxLength(ResultLimits.UnitCodeMaxLength);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(f => f.Code).HasMaxLength(ResultLimits.FigureCodeMaxLength);
        builder.Property(f => f.Value).HasPrecision(DecimalKind.IndexValue);
        builder.Property(f => f.Origin).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(f => f.Source).HasMaxLength(ResultLimits.SourceMaxLength);
        builder.HasIndex(f => new { f.Year, f.FieldSize, f.ProvinceCode, f.Kind, f.Code }).IsUnique();
    }
}

internal sealed class ResultsImportConfiguration : IEntityTypeConfiguration<ResultsImport>
{
    public void Configure(EntityTypeBuilder<ResultsImport> builder)
    {
        builder.ToTable("ResultsImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();

        // The years are a short list only ever read whole: one comma-separated column rather than a child table.
        builder.Ignore(i => i.Years);
        builder.Property<string>("_years").HasColumnName("Years").HasMaxLength(ResultsImport.YearsMaxLength);
    }
}
