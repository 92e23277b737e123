namespace Dti.Application.Obligations;

/// <summary>Limits of obligation queries.</summary>
public static class ObligationLimits
{
    /// <summary>Obligations fan out over every agency and plan, so their ranges are shorter than a single rule's (20 years).</summary>
    public const int MaxRangeYears = 5;
}
