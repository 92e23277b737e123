namespace Dti.Domain.Frameworks;

/// <summary>The whole definition of a framework version, as imported or edited.</summary>
public sealed record FrameworkSpec(
    string Code,
    string DecisionNumber,
    string IssuingMinistry,
    DateOnly IssueDate,
    int FirstAssessmentYear,
    int? LastAssessmentYear,
    string TitleVi,
    string? TitleEn,
    IReadOnlyList<PillarSpec> Pillars,
    IReadOnlyList<MainIndexSpec> MainIndices,
    IReadOnlyList<ComponentIndexSpec> ComponentIndices);

public sealed record PillarSpec(string Code, int Order, string NameVi, string? NameEn);

public sealed record MainIndexSpec(
    string Code,
    int Order,
    string NameVi,
    string? NameEn,
    decimal? MaxPoints,
    bool IsScored,
    IndexGroup Group,
    string? PillarCode);

public sealed record ComponentIndexSpec(
    string Code,
    string MainIndexCode,
    int Order,
    string NameVi,
    string? NameEn,
    decimal? MaxPoints,
    MeasureType MeasureType,
    string? Unit,
    bool EvidenceRequired,
    string? DataSource,
    bool IsSample);
