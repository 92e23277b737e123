namespace Dti.Domain.Results;

/// <summary>
/// How a DTI value and a rank follow from main-index values: DTI = Σ(main-index value × its max points) / 1000, which
/// reproduces the published DTI 2022 of the top five to four decimals; ranks are standard competition ranks (1, 2, 2, 4).
/// </summary>
public static class DtiScoring
{
    public const decimal TotalPoints = 1000m;

    /// <summary>The DTI value of main-index values weighted by their max points, to four decimals.</summary>
    public static decimal Dti(IEnumerable<(decimal Value, decimal MaxPoints)> mainIndices) =>
        Math.Round(mainIndices.Sum(m => m.Value * m.MaxPoints) / TotalPoints, 4, MidpointRounding.AwayFromZero);

    /// <summary>The mean of published values, to four decimals (a merged unit's DTI 2024 main-index value).</summary>
    public static decimal Mean(IEnumerable<decimal> values) => Math.Round(values.Average(), 4, MidpointRounding.AwayFromZero);

    /// <summary>Standard competition ranks of <paramref name="values"/>: one more than the number of strictly greater values.</summary>
    public static IReadOnlyList<int> CompetitionRanks(IReadOnlyList<decimal> values) =>
        [.. values.Select(v => 1 + values.Count(other => other > v))];

    /// <summary>
    /// The rank <paramref name="value"/> would have had in a published table, from the others' published ranks and the
    /// values known of them. A unit whose value is unknown is above when it is ranked at or above one known to score more,
    /// and not above when ranked at or below one known to score no more; between those, it may be either, so the answer is
    /// a range (best, worst) that closes when the values around it are known.
    /// </summary>
    public static (int Best, int Worst) RankAmong(decimal value, IReadOnlyList<(int Rank, decimal? Value)> others)
    {
        var above = others.Where(o => o.Value > value).ToList();
        var notAbove = others.Where(o => o.Value <= value).ToList();
        var lowestAbove = above.Count == 0 ? 0 : above.Max(o => o.Rank);
        var highestNotAbove = notAbove.Count == 0 ? int.MaxValue : notAbove.Min(o => o.Rank);
        var unknown = others.Where(o => o.Value is null).ToList();
        var certainlyAbove = above.Count + unknown.Count(o => o.Rank <= lowestAbove);
        var maybeAbove = unknown.Count(o => o.Rank > lowestAbove && o.Rank < highestNotAbove);
        return (1 + certainlyAbove, 1 + certainlyAbove + maybeAbove);
    }
}
