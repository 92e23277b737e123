using Dti.Domain.Results;

namespace Dti.Application.Results;

/// <summary>A province unit with its validity, its successor and the units that merged into it.</summary>
public sealed record ProvinceUnitDto(string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, string? SuccessorCode, IReadOnlyList<string> PredecessorCodes);

/// <summary>One figure of an official table: value and rank, published or computed, and where it comes from.</summary>
public sealed record OfficialFigureDto(FigureKind Kind, string Code, decimal? Value, int? Rank, FigureOrigin Origin, string? Source);

/// <summary>What an import did: figures added, changed and already as given (importing the same file twice changes nothing).</summary>
public sealed record ImportSummaryDto(int Added, int Updated, int Unchanged);

/// <summary>One province's line in a year's table: its DTI figure and whatever else is known of it.</summary>
public sealed record ResultRowDto(string ProvinceCode, string? ProvinceName, decimal? DtiValue, int? Rank, FigureOrigin Origin, IReadOnlyList<OfficialFigureDto> Figures);

/// <summary>A year's official table of <see cref="FieldSize"/> units, ordered by rank, with the field average where published.</summary>
public sealed record ResultTableDto(int Year, int FieldSize, string? FrameworkCode, IReadOnlyList<ResultRowDto> Rows, IReadOnlyList<OfficialFigureDto> Average);

/// <summary>
/// A figure in a province's history: its value and rank, and the change from the year before in the same table —
/// <see cref="RankChange"/> 15 is "up 15 places", −3 "down 3".
/// </summary>
public sealed record FigureHistoryDto(FigureKind Kind, string Code, string? Name, decimal? Value, int? Rank, FigureOrigin Origin, string? Source, int? RankChange, decimal? ValueChange);

/// <summary>One unit's results in one year's table, with the sentence the provinces' own articles would write.</summary>
public sealed record YearResultDto(
    int Year, int FieldSize, string ProvinceCode, string ProvinceName, string? FrameworkCode, FigureHistoryDto? Dti,
    IReadOnlyList<FigureHistoryDto> Pillars, IReadOnlyList<FigureHistoryDto> MainIndices, string Summary);

/// <summary>A unit's results over the years, its predecessors' included (today's Quảng Trị shows Quảng Bình's and the old Quảng Trị's).</summary>
public sealed record ResultHistoryDto(string ProvinceCode, string ProvinceName, IReadOnlyList<string> PredecessorCodes, IReadOnlyList<YearResultDto> Years);

/// <summary>A main index's points in a year: value × max points achieved, max points × (1 − value) lost.</summary>
public sealed record IndexPointsDto(string Code, string Name, decimal Value, decimal MaxPoints, decimal PointsAchieved, decimal PointsLost, FigureOrigin Origin);

/// <summary>
/// The distance in DTI points (on the 1,000-point scale) to a mark: the province one place above, the tenth place or the
/// field average. Null <see cref="Points"/> when the mark's value was not published.
/// </summary>
public sealed record DistanceDto(string? ProvinceCode, int? Rank, decimal? DtiValue, decimal? Points);

/// <summary>Where a province lost its points in a year, largest loss first, and how far it was from the marks above it.</summary>
public sealed record PointsLostDto(
    int Year, int FieldSize, string ProvinceCode, string? FrameworkCode, decimal? DtiValue, int? Rank,
    IReadOnlyList<IndexPointsDto> MainIndices, DistanceDto? ToNextPlace, DistanceDto? ToTopTen, DistanceDto? ToAverage);

/// <summary>A main index's value before and after a what-if.</summary>
public sealed record WhatIfIndexDto(string Code, decimal? PublishedValue, decimal Value);

/// <summary>
/// A what-if: the DTI the main-index values give and the rank it would have had in that year's published table. The rank
/// is a range (<see cref="RankBest"/>–<see cref="RankWorst"/>) where the values around it were not published, and
/// <see cref="Rank"/> when they were.
/// </summary>
public sealed record WhatIfDto(
    int Year, int FieldSize, string ProvinceCode, decimal? PublishedDti, int? PublishedRank, IReadOnlyList<WhatIfIndexDto> MainIndices,
    decimal Dti, int? Rank, int RankBest, int RankWorst);
