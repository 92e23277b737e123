namespace Dti.Domain.Frameworks;

/// <summary>Limits of the framework catalog, used by the domain guards, the validators and the EF configuration.</summary>
public static class FrameworkLimits
{
    public const int CodeMaxLength = 40;
    public const int IndexCodeMaxLength = 20;
    public const int DecisionNumberMaxLength = 60;
    public const int MinistryMaxLength = 200;
    public const int TitleMaxLength = 500;
    public const int NameMaxLength = 500;
    public const int UnitMaxLength = 50;
    public const int DataSourceMaxLength = 500;
    public const int MaxMainIndices = 50;
    public const int MaxComponentIndices = 500;
    public const int MaxPillars = 20;

    /// <summary>The position of a pillar or index among its siblings (display order).</summary>
    public const int MaxOrder = 9_999;
    public const int FirstSupportedYear = 2000;
    public const int LastSupportedYear = 2100;
    public const decimal TotalPoints = 1000m;
    public const decimal MaxIndexPoints = 1000m;

    /// <summary>Framework codes: upper-case letters, digits and hyphens, e.g. <c>QD-922-2022</c>.</summary>
    public const string CodePattern = "^[A-Z0-9][A-Z0-9-]*$";

    /// <summary>Index codes: dot-separated numbers or letters, e.g. <c>7</c> or <c>7.3</c>.</summary>
    public const string IndexCodePattern = "^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*$";
}
