using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dti.Application.Common.Validation;
using Dti.Domain.Auditing;

namespace Dti.Application.Audit;

/// <summary>One recorded write. <c>changes</c> maps each changed field to <c>{ "old": …, "new": … }</c>.</summary>
public sealed record AuditEntryDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    [property: MaxLength(AuditLimits.ClientIdMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? ClientId,
    [property: MaxLength(AuditLimits.ClientNameMaxLength), RegularExpression(TextRules.SingleLinePattern)] string ClientName,
    Guid? AgencyId,
    AuditAction Action,
    [property: MaxLength(AuditLimits.EntityTypeMaxLength), RegularExpression(TextRules.SingleLinePattern)] string EntityType,
    [property: MaxLength(AuditLimits.EntityIdMaxLength), RegularExpression(TextRules.SingleLinePattern)] string EntityId,
    [property: MaxLength(AuditLimits.RequestIdMaxLength), RegularExpression(TextRules.SingleLinePattern)] string? RequestId,
    JsonElement Changes);
