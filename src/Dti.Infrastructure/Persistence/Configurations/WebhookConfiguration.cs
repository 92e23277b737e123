using Dti.Domain.Auditing;
using Dti.Domain.Webhooks;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    /// <summary>The key column of the subscription's list tables (a shadow property: the domain's rows do not carry it).</summary>
    private const string SubscriptionKey = "SubscriptionId";

    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClientId).HasMaxLength(AuditLimits.ClientIdMaxLength);
        builder.HasIndex(s => s.ClientId);
        builder.Property(s => s.Url).HasMaxLength(WebhookLimits.UrlMaxLength);
        builder.Property(s => s.Description).HasMaxLength(WebhookLimits.DescriptionMaxLength);
        builder.Property(s => s.Secret).HasMaxLength(WebhookLimits.SecretLength).IsAuditRedacted();
        builder.Property(s => s.DisabledReason).HasMaxLength(WebhookLimits.ReasonMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();

        // Lists are child tables (owned, so every read of a subscription brings them), as for clients.
        builder.Ignore(s => s.EventTypes);
        builder.Ignore(s => s.AgencyIds);
        builder.OwnsMany(s => s.EventTypeChoices, type =>
        {
            type.ToTable("WebhookSubscriptionEventTypes");
            // Named so that it fits PostgreSQL's 63-character identifiers rather than being cut.
            type.WithOwner().HasForeignKey(SubscriptionKey).HasConstraintName("FK_WebhookSubscriptionEventTypes_Subscription");
            type.HasKey(SubscriptionKey, nameof(WebhookEventTypeChoice.EventType));
            type.Property(t => t.EventType).HasMaxLength(WebhookLimits.EventTypeMaxLength);
            type.HasIndex(t => t.EventType);
        });
        builder.OwnsMany(s => s.AudienceAgencies, agency =>
        {
            agency.ToTable("WebhookSubscriptionAgencies");
            agency.WithOwner().HasForeignKey(SubscriptionKey).HasConstraintName("FK_WebhookSubscriptionAgencies_Subscription");
            agency.HasKey(SubscriptionKey, nameof(WebhookAudienceAgency.AgencyId));
            agency.Property(a => a.AgencyId).ValueGeneratedNever();
        });
        builder.Navigation(s => s.EventTypeChoices).HasField("_eventTypes");
        builder.Navigation(s => s.AudienceAgencies).HasField("_agencies");
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.EventType).HasMaxLength(WebhookLimits.EventTypeMaxLength);
        builder.Property(d => d.ClaimedBy).HasMaxLength(OutboxMessage.ClaimedByMaxLength);

        // The outbox publishes an event at least once: one delivery per subscription and event, whatever happens.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();

        // What each dispatch pass looks for: neither delivered nor given up, and due.
        builder.HasIndex(d => new { d.DeliveredAt, d.GaveUpAt, d.NextAttemptAt });
        builder.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Attempts).HasField("_attempts");
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Error).HasMaxLength(WebhookLimits.ErrorMaxLength);
        builder.Ignore(a => a.Succeeded);
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
    }
}
