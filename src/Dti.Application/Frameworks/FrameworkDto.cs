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
    IReadOnlyList<MainIndexDto> MainIndices);

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
    [property: MaxLength(FrameworkLimits.MaxComponentIndices)] IReadOnlyList<ComponentIndexDto> ComponentIndices);

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
    bool IsSample);

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
