using System.Text.RegularExpressions;
using Dti.Domain.Common;

namespace Dti.Domain.Frameworks;

/// <summary>
/// A version of the national DTI framework (e.g. QĐ 922/QĐ-BTTTT): its pillars, main indices and
/// component indices, and the assessment years it governs. A draft may be redefined freely;
/// a published framework never changes.
/// </summary>
public sealed partial class Framework
{
    private readonly List<Pillar> _pillars = [];
    private readonly List<MainIndex> _mainIndices = [];
    private readonly List<ComponentIndex> _componentIndices = [];

    private Framework()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = null!;

    public string DecisionNumber { get; private set; } = null!;

    public string IssuingMinistry { get; private set; } = null!;

    public DateOnly IssueDate { get; private set; }

    public int FirstAssessmentYear { get; private set; }

    /// <summary>Last year governed; null means "and every year after".</summary>
    public int? LastAssessmentYear { get; private set; }

    public string TitleVi { get; private set; } = null!;

    public string? TitleEn { get; private set; }

    public FrameworkStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Concurrency token: increases with every change; the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Pillar> Pillars => _pillars;

    public IReadOnlyList<MainIndex> MainIndices => _mainIndices;

    public IReadOnlyList<ComponentIndex> ComponentIndices => _componentIndices;

    public static Framework Create(FrameworkSpec spec, DateTimeOffset now)
    {
        var framework = new Framework
        {
            Id = Identifiers.NewVersion7(),
            Status = FrameworkStatus.Draft,
            CreatedAt = now,
            Version = 0,
        };
        framework.Apply(spec, now);
        return framework;
    }

    /// <summary>The component indices under <paramref name="main"/>, in no particular order.</summary>
    public IEnumerable<ComponentIndex> ComponentsOf(MainIndex main) =>
        _componentIndices.Where(c => string.Equals(c.MainIndexCode, main.Code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The points of the scored main indices; one without points yet counts none.</summary>
    public decimal ScoredPoints() => _mainIndices.Where(m => m.IsScored).Sum(m => m.MaxPoints ?? 0);

    public bool Governs(int year) => year >= FirstAssessmentYear && (LastAssessmentYear is null || year <= LastAssessmentYear);

    public bool OverlapsYears(int first, int? last) =>
        (LastAssessmentYear is null || first <= LastAssessmentYear) && (last is null || last >= FirstAssessmentYear);

    /// <summary>Replaces the whole definition of a draft. The code is the framework's identity and cannot change.</summary>
    public void Redefine(FrameworkSpec spec, DateTimeOffset now)
    {
        EnsureDraft();
        if (!string.Equals(Guard.Text(spec.Code, "code", FrameworkLimits.CodeMaxLength), Code, StringComparison.Ordinal))
        {
            throw new DomainException("framework.code-immutable", $"The code of framework '{Code}' cannot change; create a new framework instead.", "code");
        }

        Apply(spec, now);
    }

    /// <summary>Adds component indices to a draft, replacing any with the same code.</summary>
    public void ImportComponentIndices(IReadOnlyList<ComponentIndexSpec> components, DateTimeOffset now)
    {
        EnsureDraft();
        var merged = _componentIndices.Select(ToSpec).ToList();
        foreach (var component in components)
        {
            var existing = merged.FindIndex(c => string.Equals(c.Code, component.Code?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
            {
                merged[existing] = component;
            }
            else
            {
                merged.Add(component);
            }
        }

        Apply(ToSpec() with { ComponentIndices = merged }, now);
    }

    /// <summary>Publishes a complete draft. Everything that is missing is reported at once.</summary>
    public void Publish(DateTimeOffset now)
    {
        EnsureDraft();
        var problems = CompletenessProblems();
        if (problems.Count > 0)
        {
            throw new DomainException(
                "framework.incomplete",
                $"Framework '{Code}' cannot be published: {problems.Sum(p => p.Value.Length)} problem(s) in its structure.",
                problems);
        }

        Status = FrameworkStatus.Published;
        PublishedAt = now;
        Touch(now);
    }

    public FrameworkSpec ToSpec() => new(
        Code,
        DecisionNumber,
        IssuingMinistry,
        IssueDate,
        FirstAssessmentYear,
        LastAssessmentYear,
        TitleVi,
        TitleEn,
        [.. _pillars.Select(p => new PillarSpec(p.Code, p.Order, p.NameVi, p.NameEn))],
        [.. _mainIndices.Select(m => new MainIndexSpec(m.Code, m.Order, m.NameVi, m.NameEn, m.MaxPoints, m.IsScored, m.Group, m.PillarCode))],
        [.. _componentIndices.Select(ToSpec)]);

    private static ComponentIndexSpec ToSpec(ComponentIndex c) =>
        new(c.Code, c.MainIndexCode, c.Order, c.NameVi, c.NameEn, c.MaxPoints, c.MeasureType, c.Unit, c.EvidenceRequired, c.DataSource, c.IsSample);

    private void EnsureDraft()
    {
        if (Status == FrameworkStatus.Published)
        {
            throw DomainException.Conflict("framework.published-immutable", $"Framework '{Code}' is published and can no longer change.");
        }
    }

    private void Apply(FrameworkSpec spec, DateTimeOffset now)
    {
        var code = Guard.Text(spec.Code, "code", FrameworkLimits.CodeMaxLength);
        if (!CodeRegex().IsMatch(code))
        {
            throw new DomainException("framework.code-format", "'code' may contain only upper-case letters, digits and hyphens (e.g. QD-922-2022).", "code");
        }

        CheckYears(spec.FirstAssessmentYear, spec.LastAssessmentYear);
        var pillars = spec.Pillars.Select((p, i) => new Pillar(p, $"pillars[{i}]")).ToList();
        var mainIndices = spec.MainIndices.Select((m, i) => new MainIndex(m, $"mainIndices[{i}]")).ToList();
        var components = spec.ComponentIndices.Select((c, i) => new ComponentIndex(c, $"componentIndices[{i}]")).ToList();
        CheckStructure(pillars, mainIndices, components);

        Code = code;
        DecisionNumber = Guard.Text(spec.DecisionNumber, "decisionNumber", FrameworkLimits.DecisionNumberMaxLength);
        IssuingMinistry = Guard.Text(spec.IssuingMinistry, "issuingMinistry", FrameworkLimits.MinistryMaxLength);
        IssueDate = spec.IssueDate;
        FirstAssessmentYear = spec.FirstAssessmentYear;
        LastAssessmentYear = spec.LastAssessmentYear;
        TitleVi = Guard.Text(spec.TitleVi, "titleVi", FrameworkLimits.TitleMaxLength);
        TitleEn = Guard.OptionalText(spec.TitleEn, "titleEn", FrameworkLimits.TitleMaxLength);
        Replace(_pillars, pillars);
        Replace(_mainIndices, mainIndices);
        Replace(_componentIndices, components);
        Touch(now);
    }

    private static void CheckYears(int first, int? last)
    {
        if (first is < FrameworkLimits.FirstSupportedYear or > FrameworkLimits.LastSupportedYear)
        {
            throw new DomainException("year-range", $"'firstAssessmentYear' must be between {FrameworkLimits.FirstSupportedYear} and {FrameworkLimits.LastSupportedYear}.", "firstAssessmentYear");
        }

        if (last is not null && (last < first || last > FrameworkLimits.LastSupportedYear))
        {
            throw new DomainException("year-range", $"'lastAssessmentYear' must be between firstAssessmentYear ({first}) and {FrameworkLimits.LastSupportedYear}.", "lastAssessmentYear");
        }
    }

    private static void CheckStructure(List<Pillar> pillars, List<MainIndex> mainIndices, List<ComponentIndex> components)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        foreach (var i in DuplicateIndexes(pillars.Select(p => p.Code)))
        {
            Add($"pillars[{i}].code", $"Pillar code '{pillars[i].Code}' is used more than once in this framework.");
        }

        // Main and component codes share one namespace: GET .../indices/{code} resolves either.
        var indexCodes = mainIndices.Select(m => m.Code).Concat(components.Select(c => c.Code)).ToList();
        foreach (var i in DuplicateIndexes(indexCodes))
        {
            var field = i < mainIndices.Count ? $"mainIndices[{i}].code" : $"componentIndices[{i - mainIndices.Count}].code";
            Add(field, $"Index code '{indexCodes[i]}' is used more than once in this framework.");
        }

        var pillarCodes = pillars.Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < mainIndices.Count; i++)
        {
            var main = mainIndices[i];
            if (main.PillarCode is not null && !pillarCodes.Contains(main.PillarCode))
            {
                Add($"mainIndices[{i}].pillarCode", $"Pillar '{main.PillarCode}' is not defined in this framework.");
            }

            if (!main.IsScored && main.MaxPoints is > 0)
            {
                Add($"mainIndices[{i}].maxPoints", $"Main index '{main.Code}' is not scored, so its maxPoints must be 0 or empty.");
            }
        }

        var mainCodes = mainIndices.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < components.Count; i++)
        {
            if (!mainCodes.Contains(components[i].MainIndexCode))
            {
                Add($"componentIndices[{i}].mainIndexCode", $"Main index '{components[i].MainIndexCode}' is not defined in this framework.");
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException("framework.structure", "The framework structure is inconsistent.", errors);
        }
    }

    private static IEnumerable<int> DuplicateIndexes(IEnumerable<string> codes)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return codes.Select((code, index) => (code, index)).Where(x => !seen.Add(x.code)).Select(x => x.index).ToList();
    }

    private Dictionary<string, string[]> CompletenessProblems()
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        if (_mainIndices.Count == 0)
        {
            Add("mainIndices", "A published framework needs at least one main index.");
        }

        // Positions name main indices as the API lists them (by order, then code), not in the order they were loaded.
        var mainIndices = _mainIndices.OrderBy(m => m.Order).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < mainIndices.Count; i++)
        {
            var main = mainIndices[i];
            if (main.IsScored && main.MaxPoints is null)
            {
                Add($"mainIndices[{i}].maxPoints", $"Scored main index '{main.Code}' has no maxPoints.");
            }

            var components = ComponentsOf(main).ToList();
            if (components.Count == 0 || components.All(c => c.MaxPoints is null) || main.MaxPoints is null)
            {
                continue;
            }

            var unpointed = components.Where(c => c.MaxPoints is null).Select(c => c.Code).ToList();
            if (unpointed.Count > 0)
            {
                Add($"mainIndices[{i}].componentIndices", $"Components of '{main.Code}' carry points, but {string.Join(", ", unpointed)} have none.");
            }
            else if (components.Sum(c => c.MaxPoints!.Value) != main.MaxPoints)
            {
                Add($"mainIndices[{i}].componentIndices", $"Component points of '{main.Code}' add up to {components.Sum(c => c.MaxPoints!.Value):0.##}, not its {main.MaxPoints:0.##} points.");
            }
        }

        var scoredTotal = ScoredPoints();
        if (_mainIndices.Count > 0 && _mainIndices.Where(m => m.IsScored).All(m => m.MaxPoints is not null) && scoredTotal != FrameworkLimits.TotalPoints)
        {
            Add("mainIndices", $"Scored main indices add up to {scoredTotal:0.##} points, not {FrameworkLimits.TotalPoints:0}.");
        }

        return problems;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static void Replace<T>(List<T> target, List<T> items)
    {
        target.Clear();
        target.AddRange(items);
    }

    [GeneratedRegex(FrameworkLimits.CodePattern)]
    private static partial Regex CodeRegex();
}
