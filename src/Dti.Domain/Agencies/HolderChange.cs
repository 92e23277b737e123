using Dti.Domain.Common;

namespace Dti.Domain.Agencies;

/// <summary>
/// An agency leaving or taking a role (lead or cooperating) on a task or an assignment: who held it before,
/// who holds it now, when and why. Each owner keeps its own table of these (<c>TaskHolderChange</c>,
/// <c>AssignmentHolderChange</c>).
/// </summary>
public abstract class HolderChange
{
    /// <summary>Longest reason a reassignment or succession may give.</summary>
    public const int ReasonMaxLength = 1000;

    protected HolderChange()
    {
    }

    protected HolderChange(HolderMove move, HolderChangeKind kind, string? reason, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(move);
        Id = Identifiers.NewVersion7();
        Role = move.Role;
        PreviousAgencyId = move.PreviousAgencyId;
        NewAgencyId = move.NewAgencyId;
        Kind = kind;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public HolderRole Role { get; private set; }

    public Guid? PreviousAgencyId { get; private set; }

    public Guid? NewAgencyId { get; private set; }

    public HolderChangeKind Kind { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
