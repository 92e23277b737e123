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

    /// <summary>Unit codes: upper-case ASCII letters, digits and hyphens, e.g. <c>QUANG-TRI-2025</c>.</summary>
    public const string UnitCodePattern = "^[A-Z0-9][A-Z0-9-]*$";

    /// <summary>The subject of a field-wide average (the "bình quân" of the provinces), not a province.</summary>
    public const string AverageSubject = "AVERAGE";

    /// <summary>The code of the DTI figure itself, beside pillar and main-index codes.</summary>
    public const string DtiCode = "DTI";
}
