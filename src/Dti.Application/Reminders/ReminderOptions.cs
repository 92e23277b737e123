namespace Dti.Application.Reminders;

/// <summary>The <c>Reminders</c> configuration section: when due-soon, due-today, overdue and escalation reminders are raised.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public const int MaxWorkingDays = 60;

    /// <summary>Run the periodic scan in this instance (every instance may: concurrent scans take turns).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an instance scans.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>"Due soon" is raised when the due day is within this many working days of today (and not today).</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>An obligation overdue by this many working days is escalated to the coordinator.</summary>
    public int EscalateAfterWorkingDays { get; set; } = 5;
}
