using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Auditing;

/// <summary>Marks properties whose values the audit trail must not copy (key hashes and other secrets).</summary>
public static class AuditRedaction
{
    public const string Redacted = "[redacted]";

    private const string Annotation = "Dti:AuditRedacted";

    public static PropertyBuilder<T> IsAuditRedacted<T>(this PropertyBuilder<T> builder) => builder.HasAnnotation(Annotation, true);

    public static bool IsAuditRedacted(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;
}
