using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;

namespace Dti.Application.Frameworks;

/// <summary>A framework with its whole tree: pillars, and main indices each holding their component indices.</summary>
[LimitsOf(typeof(FrameworkInput))]
public sealed record FrameworkDto(
    Guid Id,
    string Code,
    string DecisionNumber,
    string IssuingMinistry,
    DateOnly IssueDate,
    int FirstAssessmentYear,
    int? LastAssessmentYear,
    string TitleVi,
    string? TitleEn,
    FrameworkStatus Status,
    decimal ScoredPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<PillarDto> Pillars,
    IReadOnlyList<MainIndexDto> MainIndices)
{
    public static FrameworkDto From(Framework f) => new(
        f.Id,
        f.Code,
        f.DecisionNumber,
        f.IssuingMinistry,
        f.IssueDate,
        f.FirstAssessmentYear,
        f.LastAssessmentYear,
        f.TitleVi,
        f.TitleEn,
        f.Status,
        f.MainIndices.Where(m => m.IsScored).Sum(m => m.MaxPoints ?? 0),
        f.CreatedAt,
        f.UpdatedAt,
        f.PublishedAt,
        [.. f.Pillars.OrderBy(p => p.Order).ThenBy(p => p.Code, StringComparer.Ordinal).Select(p => new PillarDto(p.Code, p.Order, p.NameVi, p.NameEn))],
        [.. f.MainIndices.OrderBy(m => m.Order).ThenBy(m => m.Code, StringComparer.Ordinal).Select(m => MainIndexDto.From(m, f.ComponentIndices))]);
}

[LimitsOf(typeof(PillarInput))]
public sealed record PillarDto(string Code, int Order, string NameVi, string? NameEn);

[LimitsOf(typeof(MainIndexInput))]
public sealed record MainIndexDto(
    string Code,
    int Order,
    string NameVi,
    string? NameEn,
    decimal? MaxPoints,
    bool IsScored,
    IndexGroup Group,
    string? PillarCode,
    [property: MaxLength(FrameworkLimits.MaxComponentIndices)] IReadOnlyList<ComponentIndexDto> ComponentIndices)
{
    public static MainIndexDto From(MainIndex m, IEnumerable<ComponentIndex> all) => new(
        m.Code,
        m.Order,
        m.NameVi,
        m.NameEn,
        m.MaxPoints,
        m.IsScored,
        m.Group,
        m.PillarCode,
        [.. all.Where(c => string.Equals(c.MainIndexCode, m.Code, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Order).ThenBy(c => c.Code, StringComparer.Ordinal).Select(ComponentIndexDto.From)]);
}

[LimitsOf(typeof(ComponentIndexInput))]
public sealed record ComponentIndexDto(
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
    bool IsSample)
{
    public static ComponentIndexDto From(ComponentIndex c) =>
        new(c.Code, c.MainIndexCode, c.Order, c.NameVi, c.NameEn, c.MaxPoints, c.MeasureType, c.Unit, c.EvidenceRequired, c.DataSource, c.IsSample);
}

/// <summary>One row of the framework list.</summary>
[LimitsOf(typeof(FrameworkInput))]
public sealed record FrameworkSummaryDto(
    Guid Id,
    string Code,
    string DecisionNumber,
    DateOnly IssueDate,
    int FirstAssessmentYear,
    int? LastAssessmentYear,
    string TitleVi,
    string? TitleEn,
    FrameworkStatus Status,
    [property: Range(0, FrameworkLimits.MaxMainIndices)] int MainIndexCount,
    [property: Range(0, FrameworkLimits.MaxComponentIndices)] int ComponentIndexCount);
