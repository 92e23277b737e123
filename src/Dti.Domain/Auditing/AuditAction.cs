namespace Dti.Domain.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
