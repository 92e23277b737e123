using Dti.Domain.Reminders;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    private const int EnumMaxLength = 20;

    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("Reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Subject).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.SubjectKey).HasMaxLength(Reminder.SubjectKeyMaxLength);
        builder.Property(r => r.Threshold).HasConversion<string>().HasMaxLength(EnumMaxLength);

        // Once per subject and threshold, whatever the instances: the last guard behind the scans' claim row.
        builder.HasIndex(r => new { r.Subject, r.SubjectKey, r.Threshold }).IsUnique().HasDatabaseName("IX_Reminders_Subject_Key_Threshold");

        // A scan reads the reminders of the subjects due in its window.
        builder.HasIndex(r => r.DueOn);
    }
}

internal sealed class ReminderScanClaimConfiguration : IEntityTypeConfiguration<ReminderScanClaim>
{
    public void Configure(EntityTypeBuilder<ReminderScanClaim> builder)
    {
        builder.ToTable("ReminderScanClaims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ScannedBy).HasMaxLength(OutboxMessage.ClaimedByMaxLength);
    }
}
