using System.Globalization;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.SelfAssessments;

/// <summary>An index of a snapshot, as the ministry's figures are checked against it: its code and max points.</summary>
public sealed record SnapshotIndex(string Code, decimal? MaxPoints);

/// <summary>
/// One index's numbers as imported. <paramref name="At"/> is where the import names it (<c>figures[3]</c> in JSON,
/// <c>lines[5]</c> in CSV), so that every problem points at the item it concerns.
/// </summary>
public sealed record MinistryFigureEntry(string At, string? Code, decimal? AppraisedValue, decimal? AppraisedScore, decimal? FinalValue, decimal? FinalScore);

/// <summary>
/// The ministry's numbers for one snapshot revision: per index, the value and score its council appraised (thẩm định) and
/// the final ones (đạt được), with where they come from (its decision) and who entered them when. Kept beside the
/// snapshot, never in it: the signed document stays byte for byte what the province finalised.
/// </summary>
public sealed class MinistryFigureSet : AggregateRoot
{
    private readonly List<MinistryFigure> _figures = [];

    private MinistryFigureSet()
    {
    }

    public int AssessmentYear { get; private set; }

    public int Revision { get; private set; }

    public Guid SnapshotId { get; private set; }

    /// <summary>Where the numbers come from, e.g. "Quyết định 1234/QĐ-BKHCN".</summary>
    public string Source { get; private set; } = null!;

    public string ImportedById { get; private set; } = null!;

    public string ImportedByName { get; private set; } = null!;

    /// <summary>When the numbers as they stand were imported.</summary>
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>Concurrency token: increases with every import that changes something; the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<MinistryFigure> Figures => _figures;

    /// <summary>The first import of the ministry's numbers for <paramref name="snapshot"/>.</summary>
    /// <exception cref="DomainException">See <see cref="Replace"/>.</exception>
    public static MinistryFigureSet Import(
        SelfAssessmentSnapshot snapshot, IReadOnlyList<SnapshotIndex> indices, string source, IReadOnlyList<MinistryFigureEntry> entries, SelfAssessmentActor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var set = new MinistryFigureSet { AssessmentYear = snapshot.AssessmentYear, Revision = snapshot.Revision, SnapshotId = snapshot.Id };
        set.Replace(indices, source, entries, by, now);
        return set;
    }

    /// <summary>
    /// Replaces every figure with <paramref name="entries"/>: an index not listed any more loses its figures. Importing the
    /// same numbers from the same source again changes nothing (no new version, no event). Every problem is reported at
    /// once, each under its entry's place: a code the snapshot does not have, an index listed twice, an entry without any
    /// number, a value outside [0, 1], a score outside 0 to the index's max points.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Replace(IReadOnlyList<SnapshotIndex> indices, string source, IReadOnlyList<MinistryFigureEntry> entries, SelfAssessmentActor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(by);
        var from = Guard.Text(source, "source", SelfAssessmentLimits.SourceMaxLength);
        var checkedFigures = Check(indices, entries);
        var changed = from != Source || checkedFigures.Count != _figures.Count;
        foreach (var figure in _figures.Where(f => !checkedFigures.Any(c => c.IndexCode == f.IndexCode)).ToList())
        {
            _figures.Remove(figure);
        }

        foreach (var next in checkedFigures)
        {
            var current = _figures.Find(f => f.IndexCode == next.IndexCode);
            if (current is null)
            {
                _figures.Add(new MinistryFigure(this, next.IndexCode, next.AppraisedValue, next.AppraisedScore, next.FinalValue, next.FinalScore));
                changed = true;
            }
            else
            {
                changed |= current.Set(next.AppraisedValue, next.AppraisedScore, next.FinalValue, next.FinalScore);
            }
        }

        if (!changed)
        {
            return false;
        }

        Source = from;
        ImportedById = Guard.Text(by.Id, "by", SelfAssessmentLimits.ActorMaxLength);
        ImportedByName = Guard.Text(by.Name, "by", SelfAssessmentLimits.ActorMaxLength);
        ImportedAt = now;
        Version++;
        Raise(new MinistryFiguresImported(AssessmentYear, Revision, Source, _figures.Count, Version));
        return true;
    }

    private List<(string IndexCode, decimal? AppraisedValue, decimal? AppraisedScore, decimal? FinalValue, decimal? FinalScore)> Check(
        IReadOnlyList<SnapshotIndex> indices, IReadOnlyList<MinistryFigureEntry> entries)
    {
        var problems = new List<(string Field, string Rule, string Message)>();
        if (entries.Count is 0 or > SelfAssessmentLimits.MaxFigures)
        {
            problems.Add(("figures", "ministry-figures.count", $"An import gives between 1 and {SelfAssessmentLimits.MaxFigures} indices' figures; this one gives {entries.Count}."));
        }

        var known = indices.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var figures = new List<(string, decimal?, decimal?, decimal?, decimal?)>();
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Code) || !known.TryGetValue(entry.Code.Trim(), out var index))
            {
                problems.Add(($"{entry.At}.code", "ministry-figures.unknown-index", $"Snapshot {Describe()} has no index '{entry.Code}'."));
                continue;
            }

            if (seen.TryGetValue(index.Code, out var first))
            {
                problems.Add(($"{entry.At}.code", "ministry-figures.duplicate-index", $"Index '{index.Code}' is given twice (first at {first})."));
                continue;
            }

            seen[index.Code] = entry.At;
            if (entry is { AppraisedValue: null, AppraisedScore: null, FinalValue: null, FinalScore: null })
            {
                problems.Add((entry.At, "ministry-figures.empty", $"Index '{index.Code}' needs an appraised or final value or score."));
                continue;
            }

            var max = index.MaxPoints ?? FrameworkLimits.TotalPoints;
            foreach (var (name, value) in new[] { ("appraisedValue", entry.AppraisedValue), ("finalValue", entry.FinalValue) })
            {
                if (value is < 0 or > 1)
                {
                    problems.Add(($"{entry.At}.{name}", "ministry-figures.value-range", $"A value is on the ministry's scale, between 0 and 1; {value} is not."));
                }
            }

            foreach (var (name, score) in new[] { ("appraisedScore", entry.AppraisedScore), ("finalScore", entry.FinalScore) })
            {
                if (score is { } points && (points < 0 || points > max))
                {
                    problems.Add(($"{entry.At}.{name}", "ministry-figures.score-range", $"The score of index '{index.Code}' is between 0 and {max.ToString("0.##", CultureInfo.InvariantCulture)} points; {points} is not."));
                }
            }

            figures.Add((index.Code, DecimalKind.IndexValue.Round(entry.AppraisedValue), DecimalKind.Points.Round(entry.AppraisedScore), DecimalKind.IndexValue.Round(entry.FinalValue), DecimalKind.Points.Round(entry.FinalScore)));
        }

        if (problems.Count == 0)
        {
            return figures;
        }

        var rules = problems.Select(p => p.Rule).Distinct().ToList();
        throw new DomainException(
            rules.Count == 1 ? rules[0] : "ministry-figures.invalid",
            $"The ministry's figures for snapshot {Describe()} have {problems.Count} problem(s); each names its item.",
            problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));
    }

    private string Describe() => string.Create(CultureInfo.InvariantCulture, $"{AssessmentYear} revision {Revision}");
}

/// <summary>The ministry's numbers for one index of a snapshot: appraised (thẩm định) and final (đạt được), each a value and a score.</summary>
public sealed class MinistryFigure
{
    private MinistryFigure()
    {
    }

    internal MinistryFigure(MinistryFigureSet set, string indexCode, decimal? appraisedValue, decimal? appraisedScore, decimal? finalValue, decimal? finalScore)
    {
        AssessmentYear = set.AssessmentYear;
        Revision = set.Revision;
        IndexCode = indexCode;
        Set(appraisedValue, appraisedScore, finalValue, finalScore);
    }

    public int AssessmentYear { get; private set; }

    public int Revision { get; private set; }

    public string IndexCode { get; private set; } = null!;

    public decimal? AppraisedValue { get; private set; }

    public decimal? AppraisedScore { get; private set; }

    public decimal? FinalValue { get; private set; }

    public decimal? FinalScore { get; private set; }

    /// <summary>Sets the four numbers; whether any of them changed.</summary>
    internal bool Set(decimal? appraisedValue, decimal? appraisedScore, decimal? finalValue, decimal? finalScore)
    {
        var changed = AppraisedValue != appraisedValue || AppraisedScore != appraisedScore || FinalValue != finalValue || FinalScore != finalScore;
        AppraisedValue = appraisedValue;
        AppraisedScore = appraisedScore;
        FinalValue = finalValue;
        FinalScore = finalScore;
        return changed;
    }
}
