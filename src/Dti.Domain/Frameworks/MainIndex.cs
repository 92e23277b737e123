using Dti.Domain.Common;

namespace Dti.Domain.Frameworks;

/// <summary>A main index (chỉ số chính), e.g. "7 — Hoạt động chính quyền số", 200 points.</summary>
public sealed class MainIndex
{
    private MainIndex()
    {
    }

    internal MainIndex(MainIndexSpec spec, string path)
    {
        Id = Identifiers.NewVersion7();
        Code = Guard.Text(spec.Code, $"{path}.code", FrameworkLimits.IndexCodeMaxLength);
        Order = spec.Order;
        NameVi = Guard.Text(spec.NameVi, $"{path}.nameVi", FrameworkLimits.NameMaxLength);
        NameEn = Guard.OptionalText(spec.NameEn, $"{path}.nameEn", FrameworkLimits.NameMaxLength);
        MaxPoints = PointsGuard.Check(spec.MaxPoints, $"{path}.maxPoints");
        IsScored = spec.IsScored;
        Group = spec.Group;
        PillarCode = Guard.OptionalText(spec.PillarCode, $"{path}.pillarCode", FrameworkLimits.IndexCodeMaxLength);
    }

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    public string Code { get; private set; } = null!;

    public int Order { get; private set; }

    public string NameVi { get; private set; } = null!;

    public string? NameEn { get; private set; }

    /// <summary>Maximum points; null while the ministry has not published them (QĐ 405).</summary>
    public decimal? MaxPoints { get; private set; }

    /// <summary>False for indices that are collected but not scored (the smart-city index of QĐ 922).</summary>
    public bool IsScored { get; private set; }

    public IndexGroup Group { get; private set; }

    public string? PillarCode { get; private set; }
}
