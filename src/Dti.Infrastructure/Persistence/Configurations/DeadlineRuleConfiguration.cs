using Dti.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRuleDefinition>
{
    /// <summary>Deadline enums are longer than the framework ones ("WorkingDaysAfterCutoff").</summary>
    public const int EnumMaxLength = 30;

    public void Configure(EntityTypeBuilder<DeadlineRuleDefinition> builder)
    {
        builder.ToTable("DeadlineRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(DeadlineRule.MaxNameLength);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.DueKind).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.DueDayCount).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.DueCountedFrom).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.Boundary).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.Cutoff).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.Adjustment).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.LegalBasisDocumentNumber).HasMaxLength(DeadlineRule.MaxDocumentNumberLength);
        builder.Property(r => r.TextVi).HasMaxLength(DeadlineRuleDefinition.MaxTextLength);
        builder.Property(r => r.TextEn).HasMaxLength(DeadlineRuleDefinition.MaxTextLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Due);
        builder.Ignore(r => r.LegalBasis);
    }
}
