using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dti.Domain.Auditing;
using Dti.Domain.Webhooks;
using Dti.Infrastructure.Idempotency;
using Dti.Domain.Reminders;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dti.Infrastructure.Persistence.Auditing;

/// <summary>
/// Records every write in the same transaction as the write: for each added, modified or deleted entity of
/// the model (child entities under their own type), who made it, for which agency (the one the request declared:
/// <see cref="Dti.Application.Common.Security.AgencyContext.ActingAgencyId"/>), in which request, and the changed fields with old and new values.
/// Works from the change tracker, so new entities are audited without
/// code of their own. Audit entries themselves are never recorded, and can never be changed or deleted.
/// One instance serves every pooled context: who is acting comes from the context's <see cref="DtiDbContext.Actor"/>.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The name writes are recorded under when no client is calling (start-up, the command line).</summary>
    public const string ApplicationName = "Dti.Api (system)";

    // Text as itself: the default encoder writes every quote inside a value as \u0022 and every Vietnamese letter as
    // \uXXXX (six bytes each; a frozen report's document is full of quotes), and the table then reads as escapes to anyone
    // querying it. The changes are stored as text and handed out as parsed JSON, never placed into HTML.
    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // The entries are read as DtiDbContext.SaveChanges detected them, once for the whole save (any other context
        // detects here, as it reads them).
        var actor = (context as DtiDbContext)?.Actor;
        var client = actor?.Client;
        var now = clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            // Outbox messages are the events of the audited changes, not changes of their own; idempotency keys are
            // stored responses to requests whose changes are audited already; webhook deliveries and attempts are a log
            // of sending those events; reminders and the scans' claim row are the record of raising reminder events.
            if (entry.Entity is OutboxMessage or IdempotencyRecord or WebhookDelivery or WebhookAttempt or Reminder or ReminderScanClaim)
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit entries are immutable: they can be neither changed nor deleted.");
                }

                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null)
            {
                continue;
            }

            var changes = Changes(entry, action.Value);
            if (action == AuditAction.Updated && changes is null)
            {
                continue;
            }

            entries.Add(AuditEntry.Record(
                now,
                client?.ClientId,
                client?.Name ?? ApplicationName,
                actor?.Agency.ActingAgencyId,
                action.Value,
                entry.Metadata.ClrType.Name,
                Key(entry),
                client?.RequestId,
                changes ?? "{}"));
        }

        context.AddRange(entries);
    }

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The changed fields as a JSON object; null for an update that changed nothing.</summary>
    private static string? Changes(EntityEntry entry, AuditAction action)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        Collect(changes, string.Empty, entry.Properties, entry.ComplexProperties, action);
        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, ValueJson);
    }

    /// <summary>Scalar properties by name; properties of complex types (value objects) as <c>address.street</c>.</summary>
    private static void Collect(
        Dictionary<string, object?> changes, string prefix, IEnumerable<PropertyEntry> properties, IEnumerable<ComplexPropertyEntry> complexProperties, AuditAction action)
    {
        foreach (var property in properties)
        {
            var metadata = property.Metadata;
            if (action == AuditAction.Updated && (!property.IsModified || metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }

            object? old = action == AuditAction.Created ? null : property.OriginalValue;
            object? @new = action == AuditAction.Deleted ? null : property.CurrentValue;
            if (metadata.IsAuditRedacted())
            {
                old = old is null ? null : AuditRedaction.Redacted;
                @new = @new is null ? null : AuditRedaction.Redacted;
            }

            changes[prefix + JsonNamingPolicy.CamelCase.ConvertName(metadata.Name)] = new { old, @new };
        }

        foreach (var complex in complexProperties)
        {
            Collect(changes, $"{prefix}{JsonNamingPolicy.CamelCase.ConvertName(complex.Metadata.Name)}.", complex.Properties, complex.ComplexProperties, action);
        }
    }
}
