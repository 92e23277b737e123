using Dti.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class OfficialScheduleConfiguration : IEntityTypeConfiguration<OfficialSchedule>
{
    public void Configure(EntityTypeBuilder<OfficialSchedule> builder)
    {
        builder.ToTable("OfficialSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.Year).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Days).WithOne().HasForeignKey(d => d.OfficialScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Days).HasField("_days");
    }
}

internal sealed class OfficialScheduleDayConfiguration : IEntityTypeConfiguration<OfficialScheduleDay>
{
    public void Configure(EntityTypeBuilder<OfficialScheduleDay> builder)
    {
        builder.ToTable("OfficialScheduleDays");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(FrameworkConfiguration.EnumMaxLength);
        builder.Property(d => d.Reason).HasMaxLength(OfficialSchedule.MaxReasonLength);
        builder.HasIndex(d => new { d.OfficialScheduleId, d.Date }).IsUnique();
    }
}
