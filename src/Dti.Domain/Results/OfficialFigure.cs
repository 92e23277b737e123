using Dti.Domain.Common;

namespace Dti.Domain.Results;

/// <summary>
/// One figure of an official DTI table: a province's (or the field average's) DTI, pillar or main-index value and rank in
/// one assessment year's table of <see cref="FieldSize"/> units, where it comes from, and whether it was published or
/// computed. A year may have two tables: DTI 2024 ranked the 63 old provinces and the 34 merged ones.
/// </summary>
public sealed class OfficialFigure
{
    /// <summary>DTI 2020 was the first assessment (QĐ 1726/QĐ-BTTTT).</summary>
    public const int FirstYear = 2020;

    private OfficialFigure()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The assessment year (DTI 2022 was announced in 2023).</summary>
    public int Year { get; private set; }

    /// <summary>How many units the table ranks: 63 until DTI 2023, 34 (and 63) for DTI 2024.</summary>
    public int FieldSize { get; private set; }

    /// <summary>A <see cref="ProvinceUnit"/> code, or <see cref="ResultLimits.AverageSubject"/> for the field average.</summary>
    public string ProvinceCode { get; private set; } = null!;

    public FigureKind Kind { get; private set; }

    /// <summary><see cref="ResultLimits.DtiCode"/>, a pillar code (<c>CQS</c>) or a main-index code (<c>7</c>).</summary>
    public string Code { get; private set; } = null!;

    /// <summary>In [0, 1], four decimals as published; null when only the rank is known.</summary>
    public decimal? Value { get; private set; }

    /// <summary>Standard competition ranking (1, 2, 2, 4); null when only the value is known.</summary>
    public int? Rank { get; private set; }

    public FigureOrigin Origin { get; private set; }

    public string? Source { get; private set; }

    public static OfficialFigure Create(int year, int fieldSize, string provinceCode, FigureKind kind, string code, decimal? value, int? rank, FigureOrigin origin, string? source)
    {
        if (year is < FirstYear or > Frameworks.FrameworkLimits.LastSupportedYear)
        {
            throw new DomainException("result.year-range", $"'year' must be between {FirstYear} and {Frameworks.FrameworkLimits.LastSupportedYear}.", "year");
        }

        if (fieldSize is < 1 or > ResultLimits.MaxFieldSize)
        {
            throw new DomainException("result.field-size", $"'fieldSize' must be between 1 and {ResultLimits.MaxFieldSize}.", "fieldSize");
        }

        var figure = new OfficialFigure
        {
            Id = Identifiers.NewVersion7(),
            Year = year,
            FieldSize = fieldSize,
            ProvinceCode = Guard.Text(provinceCode, "province", ResultLimits.UnitCodeMaxLength),
            Kind = kind,
            Code = kind == FigureKind.Dti ? ResultLimits.DtiCode : Guard.Text(code, "code", ResultLimits.FigureCodeMaxLength),
        };
        figure.Revise(value, rank, origin, source);
        return figure;
    }

    /// <summary>Replaces what is known of the figure; returns false when nothing changed (a re-import).</summary>
    public bool Revise(decimal? value, int? rank, FigureOrigin origin, string? source)
    {
        if (value is < 0 or > 1)
        {
            throw new DomainException("result.value-range", "'value' must be between 0 and 1 (541.46/1000 points is 0.5415).", "value");
        }

        if (rank is not null && (rank < 1 || rank > FieldSize))
        {
            throw new DomainException("result.rank-range", $"'rank' must be between 1 and the field size {FieldSize}.", "rank");
        }

        if (value is null && rank is null)
        {
            throw new DomainException("result.empty", "A figure needs a value, a rank or both.", "value");
        }

        if (rank is not null && ProvinceCode == ResultLimits.AverageSubject)
        {
            throw new DomainException("result.average-rank", "The field average has no rank.", "rank");
        }

        var rounded = DecimalKind.IndexValue.Round(value);
        var text = Guard.OptionalText(source, "source", ResultLimits.SourceMaxLength);
        if (rounded == Value && rank == Rank && origin == Origin && text == Source)
        {
            return false;
        }

        (Value, Rank, Origin, Source) = (rounded, rank, origin, text);
        return true;
    }
}
