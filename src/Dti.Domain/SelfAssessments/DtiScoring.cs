using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.SelfAssessments;

/// <summary>
/// The province's DTI on the 1,000-point scale, computed from what the framework defines and what was assessed.
/// A main index whose components all carry max points (the framework publishes them) is valued by its components:
/// achieved points over its max points, a component without achieved points counting none. A main index whose
/// components carry no points (QĐ 405's points are not public) takes its value in [0, 1] as entered. The DTI value is
/// Σ(main-index value × main-index max points) / 1000; a main index that is not scored (QĐ 922's smart city) is carried
/// with its value but never counted.
/// </summary>
public static class DtiScoring
{
    /// <summary>
    /// Scores <paramref name="framework"/> from the achieved points of its components (<paramref name="componentPoints"/>, by
    /// code) and the entered values of its main indices (<paramref name="mainValues"/>, by code; only used where the
    /// components do not carry points). Codes the framework does not define are ignored.
    /// </summary>
    public static DtiScore Score(Framework framework, IReadOnlyDictionary<string, decimal> componentPoints, IReadOnlyDictionary<string, decimal> mainValues)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(componentPoints);
        ArgumentNullException.ThrowIfNull(mainValues);
        var mains = framework.MainIndices.OrderBy(m => m.Order).ThenBy(m => m.Code, IndexCodeOrder.Instance)
            .Select(m => ScoreMain(framework, m, componentPoints, mainValues))
            .ToList();
        var counted = mains.Where(m => m.Counted).ToList();
        var exactPoints = counted.Sum(m => m.Value!.Value * m.MaxPoints);
        var pillars = framework.Pillars.OrderBy(p => p.Order)
            .Select(p => (Pillar: p, Mains: mains.Where(m => string.Equals(m.PillarCode, p.Code, StringComparison.OrdinalIgnoreCase) && m.IsScored).ToList()))
            .Where(p => p.Mains.Count > 0)
            .Select(p => PillarOf(p.Pillar, p.Mains))
            .ToList();
        return new DtiScore(
            DecimalKind.IndexValue.Round(exactPoints / FrameworkLimits.TotalPoints),
            DecimalKind.Points.Round(exactPoints),
            DecimalKind.Points.Round(framework.ScoredPoints()),
            mains.Count(m => m.IsScored && m.Value is null),
            mains,
            pillars);
    }

    /// <summary>Checks an entered main-index value: the ministry's scale is [0, 1].</summary>
    public static decimal CheckValue(decimal value, string field) =>
        value is < 0 or > 1
            ? throw new DomainException("self-assessment.value-range", $"A main-index value is on the ministry's scale, between 0 and 1; {value} is not.", field)
            : DecimalKind.IndexValue.Round(value);

    private static MainIndexScore ScoreMain(Framework framework, MainIndex main, IReadOnlyDictionary<string, decimal> componentPoints, IReadOnlyDictionary<string, decimal> mainValues)
    {
        var components = framework.ComponentsOf(main).ToList();
        var maxPoints = main.MaxPoints ?? 0;
        decimal? value;
        MainIndexBasis basis;
        if (components.Count > 0 && components.TrueForAll(c => c.MaxPoints is not null) && components.Sum(c => c.MaxPoints!.Value) > 0)
        {
            // Points the framework gives: the value follows from them, whatever was entered for the main index.
            var achieved = components.Where(c => componentPoints.ContainsKey(c.Code)).ToList();
            basis = MainIndexBasis.Components;
            value = achieved.Count == 0
                ? null
                : CheckValue(achieved.Sum(c => componentPoints[c.Code]) / components.Sum(c => c.MaxPoints!.Value), $"mainIndices[{main.Code}].value");
        }
        else
        {
            basis = MainIndexBasis.Entered;
            value = mainValues.TryGetValue(main.Code, out var entered) ? CheckValue(entered, $"mainIndices[{main.Code}].value") : null;
        }

        var counted = main.IsScored && value is not null && main.MaxPoints is not null;
        return new MainIndexScore(
            main.Code,
            main.PillarCode,
            main.IsScored,
            DecimalKind.Points.Round(maxPoints),
            basis,
            value,
            counted ? DecimalKind.Points.Round(value!.Value * maxPoints) : null,
            counted);
    }

    private static PillarScore PillarOf(Pillar pillar, List<MainIndexScore> mains)
    {
        var max = mains.Sum(m => m.MaxPoints);
        var exact = mains.Where(m => m.Counted).Sum(m => m.Value!.Value * m.MaxPoints);
        return new PillarScore(
            pillar.Code,
            [.. mains.Select(m => m.Code)],
            DecimalKind.Points.Round(exact),
            DecimalKind.Points.Round(max),
            max == 0 ? null : DecimalKind.IndexValue.Round(exact / max));
    }
}

/// <summary>Where a main index's value comes from.</summary>
public enum MainIndexBasis
{
    /// <summary>Its components' achieved points over its max points (the framework gives component points).</summary>
    Components,

    /// <summary>Entered directly in [0, 1] (the framework gives no component points).</summary>
    Entered,
}

/// <summary>
/// The DTI of a year: its value in [0, 1] (4 decimals), the points on the 1,000-point scale, the points the scored main
/// indices carry, and how many scored main indices have no value yet (each counting nothing).
/// </summary>
public sealed record DtiScore(
    decimal Value,
    decimal Points,
    decimal ScoredMaxPoints,
    int UnvaluedScoredMainIndices,
    IReadOnlyList<MainIndexScore> MainIndices,
    IReadOnlyList<PillarScore> Pillars);

/// <summary>One main index: its value in [0, 1] and points (value × max points) when it has a value and counts.</summary>
public sealed record MainIndexScore(
    string Code,
    string? PillarCode,
    bool IsScored,
    decimal MaxPoints,
    MainIndexBasis Basis,
    decimal? Value,
    decimal? Points,
    bool Counted);

/// <summary>A pillar's sub-total over the scored main indices the framework maps to it.</summary>
public sealed record PillarScore(string Code, IReadOnlyList<string> MainIndexCodes, decimal Points, decimal MaxPoints, decimal? Value);
