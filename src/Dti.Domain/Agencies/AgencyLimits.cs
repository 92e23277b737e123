namespace Dti.Domain.Agencies;

/// <summary>Limits of agencies, used by the domain guards, the validators and the EF configuration.</summary>
public static class AgencyLimits
{
    public const int CodeMaxLength = 13;
    public const int FullNameMaxLength = 300;
    public const int ShortNameMaxLength = 100;
    public const int SearchNameMaxLength = FullNameMaxLength + ShortNameMaxLength + 1;
    public const int KindMaxLength = 30;
    public const int NoteMaxLength = 1000;

    /// <summary>Electronic identifier of QĐ 20/2020/QĐ-TTg: <c>V1V2V3.Z1Z2.Y1Y2.M1X1X2</c>, e.g. <c>000.00.31.H50</c>.</summary>
    public const string CodePattern = "^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$";
}
