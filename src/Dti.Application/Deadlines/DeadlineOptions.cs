namespace Dti.Application.Deadlines;

/// <summary>The <c>Deadlines</c> configuration section.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    public const int MaxDueSoonWorkingDays = 60;

    /// <summary>An obligation is "due soon" when its last allowed day is within this many working days of today.</summary>
    public int DueSoonWorkingDays { get; set; } = 5;
}
