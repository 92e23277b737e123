using Dti.Domain.Common;

namespace Dti.Domain.Frameworks;

/// <summary>A pillar (trụ cột) of a framework: digital government, digital economy, digital society.</summary>
public sealed class Pillar
{
    private Pillar()
    {
    }

    internal Pillar(PillarSpec spec, string path)
    {
        Id = Identifiers.NewVersion7();
        Code = Guard.Text(spec.Code, $"{path}.code", FrameworkLimits.IndexCodeMaxLength);
        Order = spec.Order;
        NameVi = Guard.Text(spec.NameVi, $"{path}.nameVi", FrameworkLimits.NameMaxLength);
        NameEn = Guard.OptionalText(spec.NameEn, $"{path}.nameEn", FrameworkLimits.NameMaxLength);
    }

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    public string Code { get; private set; } = null!;

    public int Order { get; private set; }

    public string NameVi { get; private set; } = null!;

    public string? NameEn { get; private set; }
}
