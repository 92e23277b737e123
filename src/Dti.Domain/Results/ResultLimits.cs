namespace Dti.Domain.Results;

/// <summary>Limits of provinces and official results, used by the domain guards, the validators and the EF configuration.</summary>
public static class ResultLimits
{
    public const int UnitCodeMaxLength = 40;
    public const int UnitNameMaxLength = 100;
    public const int FigureCodeMaxLength = 20;
    public const int SourceMaxLength = 500;
    public const int MaxImportRows = 5_000;
    public const int MaxFieldSize = 100;

    /// <summary>63 provinces before the 2025 mergers, 34 after: every unit there ever was stays far below this.</summary>
    public const int MaxUnits = 500;

    /// <summary>A 2025 merger joined two or three units; a unit's predecessors, theirs included, stay far below this.</summary>
    public const int MaxPredecessors = 20;

    /// <summary>A history has one entry per year and table (2024 has two) for the unit and each predecessor.</summary>
    public const int MaxHistoryEntries = 5_000;

    /// <summary>A unit's figures in one table: the DTI, its pillars and its main indices.</summary>
    public const int MaxFiguresPerUnit = 1 + Frameworks.FrameworkLimits.MaxPillars + Frameworks.FrameworkLimits.MaxMainIndices;

    /// <summary>A history summary names the unit and each ranked pillar and main index with its rank and move.</summary>
    public const int SummaryMaxLength = UnitNameMaxLength + (MaxFiguresPerUnit * (Frameworks.FrameworkLimits.NameMaxLength + 40));

    /// <summary>Unit codes: upper-case ASCII letters, digits and hyphens, e.g. <c>QUANG-TRI-2025</c>.</summary>
    public const string UnitCodePattern = "^[A-Z0-9][A-Z0-9-]*$";

    /// <summary>The subject of a field-wide average (the "bình quân" of the provinces), not a province.</summary>
    public const string AverageSubject = "AVERAGE";

    /// <summary>The code of the DTI figure itself, beside pillar and main-index codes.</summary>
    public const string DtiCode = "DTI";
}
