using Dti.Domain.Common;

namespace Dti.Domain.Frameworks;

/// <summary>A component index (chỉ số thành phần), e.g. <c>7.3</c>, belonging to one main index.</summary>
public sealed class ComponentIndex
{
    private ComponentIndex()
    {
    }

    internal ComponentIndex(ComponentIndexSpec spec, string path)
    {
        Id = Identifiers.NewVersion7();
        Code = Guard.Text(spec.Code, $"{path}.code", FrameworkLimits.IndexCodeMaxLength);
        MainIndexCode = Guard.Text(spec.MainIndexCode, $"{path}.mainIndexCode", FrameworkLimits.IndexCodeMaxLength);
        Order = spec.Order;
        NameVi = Guard.Text(spec.NameVi, $"{path}.nameVi", FrameworkLimits.NameMaxLength);
        NameEn = Guard.OptionalText(spec.NameEn, $"{path}.nameEn", FrameworkLimits.NameMaxLength);
        MaxPoints = PointsGuard.Check(spec.MaxPoints, $"{path}.maxPoints");
        MeasureType = spec.MeasureType;
        Unit = Guard.OptionalText(spec.Unit, $"{path}.unit", FrameworkLimits.UnitMaxLength);
        EvidenceRequired = spec.EvidenceRequired;
        DataSource = Guard.OptionalText(spec.DataSource, $"{path}.dataSource", FrameworkLimits.DataSourceMaxLength);
        IsSample = spec.IsSample;
    }

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    public string Code { get; private set; } = null!;

    public string MainIndexCode { get; private set; } = null!;

    public int Order { get; private set; }

    public string NameVi { get; private set; } = null!;

    public string? NameEn { get; private set; }

    public decimal? MaxPoints { get; private set; }

    public MeasureType MeasureType { get; private set; }

    public string? Unit { get; private set; }

    public bool EvidenceRequired { get; private set; }

    public string? DataSource { get; private set; }

    /// <summary>True for illustrative data that is not part of the official annex.</summary>
    public bool IsSample { get; private set; }
}
