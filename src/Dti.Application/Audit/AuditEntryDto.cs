using System.Text.Json;
using Dti.Domain.Auditing;

namespace Dti.Application.Audit;

/// <summary>One recorded write. <c>changes</c> maps each changed field to <c>{ "old": …, "new": … }</c>.</summary>
public sealed record AuditEntryDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    string? ClientId,
    string ClientName,
    Guid? AgencyId,
    AuditAction Action,
    string EntityType,
    string EntityId,
    string? RequestId,
    JsonElement Changes)
{
    public static AuditEntryDto From(AuditEntry e)
    {
        using var changes = JsonDocument.Parse(e.Changes);
        return new(e.Id, e.OccurredAt, e.ClientId, e.ClientName, e.AgencyId, e.Action, e.EntityType, e.EntityId, e.RequestId, changes.RootElement.Clone());
    }
}
