namespace Dti.Domain.Frameworks;

/// <summary>Lifecycle of a framework version. Only drafts change; a published framework is immutable.</summary>
public enum FrameworkStatus
{
    Draft,
    Published,
}

/// <summary>The two groups of main indices in QĐ 922: foundation (nền tảng) and activity (hoạt động).</summary>
public enum IndexGroup
{
    Foundation,
    Activity,
}

/// <summary>What a component index measures.</summary>
public enum MeasureType
{
    Percentage,
    Count,
    YesNo,
    Score,
    Text,
}
