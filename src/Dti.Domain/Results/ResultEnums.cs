namespace Dti.Domain.Results;

/// <summary>What an official figure measures: the whole DTI, a pillar (trụ cột) or a main index (chỉ số chính).</summary>
public enum FigureKind
{
    Dti,
    Pillar,
    MainIndex,
}

/// <summary>Whether the ministry published a figure or it was derived (a rank from "up 15 places", a merged unit's mean).</summary>
public enum FigureOrigin
{
    Published,
    Computed,
}
