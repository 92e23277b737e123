using Dti.Domain.Common;

namespace Dti.Domain.Auditing;

/// <summary>
/// One recorded write: who (client and acting agency), what (entity type, id, action and changed fields with
/// their old and new values, as JSON), when and in which request. Written once, never changed or deleted.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The calling client's id; null for the application itself (start-up, command line).</summary>
    public string? ClientId { get; private set; }

    public string ClientName { get; private set; } = null!;

    public Guid? AgencyId { get; private set; }

    public AuditAction Action { get; private set; }

    public string EntityType { get; private set; } = null!;

    public string EntityId { get; private set; } = null!;

    public string? RequestId { get; private set; }

    /// <summary>JSON object: each changed field with its old and new value, e.g. <c>{"status":{"old":"Draft","new":"Published"}}</c>.</summary>
    public string Changes { get; private set; } = null!;

    public static AuditEntry Record(
        DateTimeOffset occurredAt, string? clientId, string clientName, Guid? agencyId, AuditAction action, string entityType, string entityId, string? requestId, string changes) =>
        new()
        {
            Id = Identifiers.NewVersion7(),
            OccurredAt = occurredAt,
            ClientId = Truncate(clientId, AuditLimits.ClientIdMaxLength),
            ClientName = Truncate(clientName, AuditLimits.ClientNameMaxLength)!,
            AgencyId = agencyId,
            Action = action,
            EntityType = Truncate(entityType, AuditLimits.EntityTypeMaxLength)!,
            EntityId = Truncate(entityId, AuditLimits.EntityIdMaxLength)!,
            RequestId = Truncate(requestId, AuditLimits.RequestIdMaxLength),
            Changes = changes,
        };

    /// <summary>An audit record must never fail the write it records; over-long identifiers are cut to fit.</summary>
    private static string? Truncate(string? value, int maxLength) => value is null || value.Length <= maxLength ? value : value[..maxLength];
}
