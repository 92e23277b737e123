using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;

namespace Dti.Application.Results;

/// <summary>A province unit with its validity, its successor and the units that merged into it.</summary>
public sealed record ProvinceUnitDto(
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string Code,
    [property: MaxLength(ResultLimits.UnitNameMaxLength)] string Name,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string? SuccessorCode,
    [property: MaxLength(ResultLimits.MaxPredecessors), ItemLimits(ResultLimits.UnitCodeMaxLength, ResultLimits.UnitCodePattern)] IReadOnlyList<string> PredecessorCodes);

/// <summary>The province units asked for, by code.</summary>
public sealed record ProvinceUnitListDto([property: MaxLength(ResultLimits.MaxUnits)] IReadOnlyList<ProvinceUnitDto> Items);

/// <summary>One figure of an official table: value and rank, published or computed, and where it comes from.</summary>
public sealed record OfficialFigureDto(FigureKind Kind, [property: MaxLength(ResultLimits.FigureCodeMaxLength)] string Code, decimal? Value, [property: Range(1, ResultLimits.MaxFieldSize)] int? Rank, FigureOrigin Origin, [property: MaxLength(ResultLimits.SourceMaxLength)] string? Source);

/// <summary>What an import did: figures added, changed and already as given (importing the same file twice changes nothing).</summary>
public sealed record ImportSummaryDto(
    [property: Range(0, ResultLimits.MaxImportRows)] int Added,
    [property: Range(0, ResultLimits.MaxImportRows)] int Updated,
    [property: Range(0, ResultLimits.MaxImportRows)] int Unchanged);

/// <summary>One province's line in a year's table: its DTI figure and whatever else is known of it.</summary>
public sealed record ResultRowDto(
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string ProvinceCode,
    [property: MaxLength(ResultLimits.UnitNameMaxLength)] string? ProvinceName,
    decimal? DtiValue,
    [property: Range(1, ResultLimits.MaxFieldSize)] int? Rank,
    FigureOrigin Origin,
    [property: MaxLength(ResultLimits.MaxFiguresPerUnit)] IReadOnlyList<OfficialFigureDto> Figures);

/// <summary>A year's official table of <see cref="FieldSize"/> units, ordered by rank, with the field average where published.</summary>
public sealed record ResultTableDto(
    [property: Range(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear)] int Year,
    [property: Range(1, ResultLimits.MaxFieldSize)] int FieldSize,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string? FrameworkCode,
    [property: MaxLength(ResultLimits.MaxFieldSize)] IReadOnlyList<ResultRowDto> Rows,
    [property: MaxLength(ResultLimits.MaxFiguresPerUnit)] IReadOnlyList<OfficialFigureDto> Average);

/// <summary>
/// A figure in a province's history: its value and rank, and the change from the year before in the same table —
/// <see cref="RankChange"/> 15 is "up 15 places", −3 "down 3".
/// </summary>
public sealed record FigureHistoryDto(
    FigureKind Kind,
    [property: MaxLength(ResultLimits.FigureCodeMaxLength)] string Code,
    [property: MaxLength(FrameworkLimits.NameMaxLength)] string? Name,
    decimal? Value,
    [property: Range(1, ResultLimits.MaxFieldSize)] int? Rank,
    FigureOrigin Origin,
    [property: MaxLength(ResultLimits.SourceMaxLength)] string? Source,
    [property: Range(-ResultLimits.MaxFieldSize, ResultLimits.MaxFieldSize)] int? RankChange,
    decimal? ValueChange);

/// <summary>One unit's results in one year's table, with the sentence the provinces' own articles would write.</summary>
public sealed record YearResultDto(
    [property: Range(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear)] int Year,
    [property: Range(1, ResultLimits.MaxFieldSize)] int FieldSize,
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string ProvinceCode,
    [property: MaxLength(ResultLimits.UnitNameMaxLength)] string ProvinceName,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string? FrameworkCode,
    FigureHistoryDto? Dti,
    [property: MaxLength(FrameworkLimits.MaxPillars)] IReadOnlyList<FigureHistoryDto> Pillars,
    [property: MaxLength(FrameworkLimits.MaxMainIndices)] IReadOnlyList<FigureHistoryDto> MainIndices,
    [property: MaxLength(ResultLimits.SummaryMaxLength)] string Summary);

/// <summary>A unit's results over the years, its predecessors' included (today's Quảng Trị shows Quảng Bình's and the old Quảng Trị's).</summary>
public sealed record ResultHistoryDto(
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string ProvinceCode,
    [property: MaxLength(ResultLimits.UnitNameMaxLength)] string ProvinceName,
    [property: MaxLength(ResultLimits.MaxPredecessors), ItemLimits(ResultLimits.UnitCodeMaxLength, ResultLimits.UnitCodePattern)] IReadOnlyList<string> PredecessorCodes,
    [property: MaxLength(ResultLimits.MaxHistoryEntries)] IReadOnlyList<YearResultDto> Years);

/// <summary>A main index's points in a year: value × max points achieved, max points × (1 − value) lost.</summary>
public sealed record IndexPointsDto(
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string Code,
    [property: MaxLength(FrameworkLimits.NameMaxLength)] string Name,
    decimal Value,
    decimal MaxPoints,
    decimal PointsAchieved,
    decimal PointsLost,
    FigureOrigin Origin);

/// <summary>
/// The distance in DTI points (on the 1,000-point scale) to a mark: the province one place above, the tenth place or the
/// field average. Null <see cref="Points"/> when the mark's value was not published.
/// </summary>
public sealed record DistanceDto([property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string? ProvinceCode, [property: Range(1, ResultLimits.MaxFieldSize)] int? Rank, decimal? DtiValue, decimal? Points);

/// <summary>Where a province lost its points in a year, largest loss first, and how far it was from the marks above it.</summary>
public sealed record PointsLostDto(
    [property: Range(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear)] int Year,
    [property: Range(1, ResultLimits.MaxFieldSize)] int FieldSize,
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string ProvinceCode,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string? FrameworkCode,
    decimal? DtiValue,
    [property: Range(1, ResultLimits.MaxFieldSize)] int? Rank,
    [property: MaxLength(FrameworkLimits.MaxMainIndices)] IReadOnlyList<IndexPointsDto> MainIndices,
    DistanceDto? ToNextPlace,
    DistanceDto? ToTopTen,
    DistanceDto? ToAverage);

/// <summary>A main index's value before and after a what-if.</summary>
public sealed record WhatIfIndexDto(
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string Code,
    decimal? PublishedValue,
    decimal Value);

/// <summary>
/// A what-if: the DTI the main-index values give and the rank it would have had in that year's published table. The rank
/// is a range (<see cref="RankBest"/>–<see cref="RankWorst"/>) where the values around it were not published, and
/// <see cref="Rank"/> when they were.
/// </summary>
public sealed record WhatIfDto(
    [property: Range(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear)] int Year,
    [property: Range(1, ResultLimits.MaxFieldSize)] int FieldSize,
    [property: MaxLength(ResultLimits.UnitCodeMaxLength), RegularExpression(ResultLimits.UnitCodePattern)] string ProvinceCode,
    decimal? PublishedDti,
    [property: Range(1, ResultLimits.MaxFieldSize)] int? PublishedRank,
    [property: MaxLength(FrameworkLimits.MaxMainIndices)] IReadOnlyList<WhatIfIndexDto> MainIndices,
    decimal Dti,
    [property: Range(1, ResultLimits.MaxFieldSize)] int? Rank,
    [property: Range(1, ResultLimits.MaxFieldSize)] int RankBest,
    [property: Range(1, ResultLimits.MaxFieldSize)] int RankWorst);
