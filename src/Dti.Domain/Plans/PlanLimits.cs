using Dti.Domain.Agencies;

namespace Dti.Domain.Plans;

/// <summary>Limits of plans and their tasks, used by the domain guards, the validators and the EF configuration.</summary>
public static class PlanLimits
{
    public const int DocumentNumberMaxLength = 60;
    public const int TitleMaxLength = 500;
    public const int SummaryMaxLength = 4000;
    public const int RankGroupMaxLength = 100;
    public const int MaxRank = 63;
    public const decimal MaxTotalScore = 1000m;
    public const int MaxSolutionGroups = 50;
    public const int MaxIndexTargets = 50;
    public const int MaxReportingRules = 20;

    /// <summary>The position of a solution group in its plan (display order).</summary>
    public const int MaxOrder = 9_999;
    public const int MaxPercent = 100;
    public const int DescriptionMaxLength = 4000;
    public const int NoteMaxLength = 1000;
    public const int DueMonthLength = 7;

    /// <summary>The indices one task is meant to move.</summary>
    public const int MaxTaskIndexCodes = 20;
    public const int ReasonMaxLength = HolderChange.ReasonMaxLength;

    /// <summary>A due month, <c>yyyy-MM</c> (e.g. <c>2023-11</c>).</summary>
    public const string DueMonthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";
}
