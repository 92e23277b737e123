namespace Dti.Domain.Common;

/// <summary>
/// A kind of number the domain stores: its precision and scale, and the one rounding rule that makes every database
/// store the same value. SQLite keeps every digit it is given while PostgreSQL and SQL Server round to the column, so
/// the domain rounds first: to the scale, half away from zero (12.345 points → 12.35).
/// </summary>
public sealed record DecimalKind(int Precision, int Scale)
{
    /// <summary>DTI points: a main index's maximum, a target score (0–1,000, two decimals).</summary>
    public static readonly DecimalKind Points = new(9, 2);

    /// <summary>Index values as the ministry publishes them, in [0, 1] with four decimals (0.7326).</summary>
    public static readonly DecimalKind IndexValue = new(18, 4);

    /// <summary>Rounds to the scale and writes exactly that many decimals (712.5 → 712.50), as a fixed-scale column returns it.</summary>
    public decimal Round(decimal value) => Math.Round(value, Scale, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)Scale);

    public decimal? Round(decimal? value) => value is { } v ? Round(v) : null;
}
