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
