namespace Dti.Infrastructure.Reminders;

/// <summary>
/// The one row a reminder scan holds locked while it runs, so that scans of several instances take turns: what
/// <see cref="Outbox.OutboxMessage"/> rows are to dispatch passes, with one row. It also says when and by whom the last
/// scan ran (for an operator).
/// </summary>
public sealed class ReminderScanClaim
{
    /// <summary>The id of the only row.</summary>
    public const int TheRow = 1;

    private ReminderScanClaim()
    {
    }

    public int Id { get; private set; }

    public DateTimeOffset? LastScanAt { get; private set; }

    /// <summary>Host, process and scan id of the last scan (as <see cref="Outbox.OutboxMessage.ClaimedBy"/>).</summary>
    public string? ScannedBy { get; private set; }

    /// <summary>Reminders the last scan raised.</summary>
    public int Raised { get; private set; }

    public static ReminderScanClaim Create() => new() { Id = TheRow };

    public void Record(DateTimeOffset at, string by, int raised)
    {
        LastScanAt = at;
        ScannedBy = by;
        Raised = raised;
    }
}
