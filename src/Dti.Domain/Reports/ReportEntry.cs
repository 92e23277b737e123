using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Reports;

/// <summary>
/// What a report says about one index: the measured value (in the field the index's measure type asks for), the
/// self-assessed score, a note, the data's as-of date, evidence and, where evidence is missing, an explanation.
/// </summary>
public sealed class ReportEntry
{
    // Stored in the entry's row (JSON columns, ADR 0018): never queried apart from their entry, always read with it.
    private readonly IReadOnlyList<Guid> _evidenceIds = [];
    private readonly IReadOnlyList<ContributionSource> _sources = [];

    private ReportEntry()
    {
    }

    /// <summary>Checks <paramref name="spec"/> against the index it answers and the framework's rules for it (422 naming <paramref name="path"/>).</summary>
    internal ReportEntry(Guid reportId, int position, ReportEntrySpec spec, AnswerableIndex index, IReadOnlyCollection<ContributionOffer> offers, string path)
    {
        Id = Identifiers.NewVersion7();
        ReportId = reportId;
        Position = position;
        IndexCode = index.Code;
        CheckValue(spec, index, path);
        NumericValue = DecimalKind.IndexValue.Round(spec.NumericValue);
        YesNoValue = spec.YesNoValue;
        TextValue = Guard.OptionalText(spec.TextValue, $"{path}.textValue", ReportLimits.TextValueMaxLength);
        if (spec.Score is { } score && (score < 0 || score > index.ScoreLimit))
        {
            throw new DomainException("report.score-above-max", $"The score of index '{index.Code}' must be between 0 and {index.ScoreLimit:0.##} points.", $"{path}.score");
        }

        Score = DecimalKind.Points.Round(spec.Score);
        Note = Guard.OptionalText(spec.Note, $"{path}.note", ReportLimits.NoteMaxLength);
        AsOf = spec.AsOf;
        Explanation = Guard.OptionalText(spec.Explanation, $"{path}.explanation", ReportLimits.ExplanationMaxLength);
        var evidence = spec.EvidenceIds.Distinct().ToList();
        if (evidence.Count > ReportLimits.MaxEvidencePerEntry)
        {
            throw new DomainException("max-count", $"At most {ReportLimits.MaxEvidencePerEntry} evidence documents per index.", $"{path}.evidenceIds");
        }

        _evidenceIds = evidence;
        _sources = [.. Cite(spec.Sources ?? [], index, offers, path).Select(o => new ContributionSource(o.ReportId, o.Version, o.AgencyId))];
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>Where the author listed the entry (0 first).</summary>
    public int Position { get; private set; }

    public string IndexCode { get; private set; } = null!;

    public decimal? NumericValue { get; private set; }

    public bool? YesNoValue { get; private set; }

    public string? TextValue { get; private set; }

    public decimal? Score { get; private set; }

    public string? Note { get; private set; }

    public DateOnly? AsOf { get; private set; }

    public string? Explanation { get; private set; }

    /// <summary>The contributions the value was taken from, in the order they were given.</summary>
    public IReadOnlyList<ContributionSource> Sources => _sources;

    /// <summary>The evidence ids in the order they were given.</summary>
    public IReadOnlyList<Guid> EvidenceIds => _evidenceIds;

    /// <summary>The entry as written, with values at their kind's scale (the form a frozen version keeps).</summary>
    public ReportEntrySpec ToSpec() =>
        new(IndexCode, DecimalKind.IndexValue.Round(NumericValue), YesNoValue, TextValue, DecimalKind.Points.Round(Score), Note, AsOf, EvidenceIds, Explanation,
            _sources.Count == 0 ? null : _sources);

    /// <summary>
    /// Scored without evidence where the framework requires it, and without saying why: the one gap submission refuses.
    /// An entry that gives no score claims nothing that needs proving.
    /// </summary>
    public bool LacksEvidence(AnswerableIndex index) => index.EvidenceRequired && Score is not null && _evidenceIds.Count == 0 && Explanation is null;

    /// <summary>
    /// The offers <paramref name="sources"/> name: each a submitted version (not withdrawn or returned) of a contribution to the reporting agency that
    /// answers this entry's index, each at most once (422 naming <c>{path}.sources[j]</c>).
    /// </summary>
    private static List<ContributionOffer> Cite(IReadOnlyList<ContributionSource> sources, AnswerableIndex index, IReadOnlyCollection<ContributionOffer> offers, string path)
    {
        if (sources.Count > ReportLimits.MaxSourcesPerEntry)
        {
            throw new DomainException("max-count", $"At most {ReportLimits.MaxSourcesPerEntry} contributions per index.", $"{path}.sources");
        }

        var cited = new List<ContributionOffer>(sources.Count);
        for (var j = 0; j < sources.Count; j++)
        {
            var offer = offers.FirstOrDefault(o => o.ReportId == sources[j].ReportId && o.Version == sources[j].Version && string.Equals(o.IndexCode, index.Code, StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException(
                    "report.unknown-contribution",
                    $"Version {sources[j].Version} of report {sources[j].ReportId} is not a submitted (not withdrawn or returned) contribution to this agency answering index '{index.Code}'.",
                    $"{path}.sources[{j}]");
            if (cited.Contains(offer))
            {
                throw new DomainException("report.duplicate-source", $"Version {offer.Version} of contribution {offer.ReportId} is cited twice.", $"{path}.sources[{j}]");
            }

            cited.Add(offer);
        }

        return cited;
    }

    private static void CheckValue(ReportEntrySpec spec, AnswerableIndex index, string path)
    {
        var (field, given) = index.MeasureType switch
        {
            MeasureType.YesNo => ("yesNoValue", spec.YesNoValue is not null),
            MeasureType.Text => ("textValue", spec.TextValue is not null),
            _ => ("numericValue", spec.NumericValue is not null),
        };
        var wrong = new[] { ("numericValue", spec.NumericValue is not null), ("yesNoValue", spec.YesNoValue is not null), ("textValue", spec.TextValue is not null) }
            .FirstOrDefault(f => f.Item2 && f.Item1 != field).Item1;
        if (wrong is not null)
        {
            throw new DomainException("report.value-type", $"Index '{index.Code}' is measured as {index.MeasureType}: give its value in '{field}', not '{wrong}'.", $"{path}.{wrong}");
        }

        if (!given || spec.NumericValue is not { } number)
        {
            return;
        }

        var (min, max, whole) = index.MeasureType switch
        {
            MeasureType.Percentage => (0m, ReportLimits.MaxPercentage, false),
            MeasureType.Count => (0m, decimal.MaxValue, true),
            _ => (0m, decimal.MaxValue, false),
        };
        if (number < min || number > max || (whole && decimal.Truncate(number) != number))
        {
            var expected = index.MeasureType switch
            {
                MeasureType.Percentage => $"a percentage between 0 and {ReportLimits.MaxPercentage:0}",
                MeasureType.Count => "a whole number, not negative",
                _ => "a number, not negative",
            };
            throw new DomainException("report.value-range", $"Index '{index.Code}' is measured as {index.MeasureType}: its value must be {expected}.", $"{path}.numericValue");
        }
    }
}
