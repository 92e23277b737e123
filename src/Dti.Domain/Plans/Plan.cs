using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Plans;

/// <summary>
/// A document that steers DTI work (Kế hoạch 170/KH-UBND, Chỉ thị 19-CT/TU, Công văn 2351/UBND-KSTT, a 90-day campaign):
/// its objectives, its solution groups and, through tasks and assignments, who does what.
/// Lifecycle: Draft → Issued → Closed, or Issued → Superseded by a newer plan, as <see cref="PlanLifecycle"/> tabulates it.
/// </summary>
public sealed class Plan : AggregateRoot
{
    private readonly List<PlanIndexTarget> _indexTargets = [];
    private readonly List<SolutionGroup> _solutionGroups = [];
    private readonly List<PlanReportingRule> _reportingRules = [];

    private Plan()
    {
    }

    public Guid Id { get; private set; }

    public PlanKind Kind { get; private set; }

    public string DocumentNumber { get; private set; } = null!;

    public Guid IssuerAgencyId { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public string Title { get; private set; } = null!;

    public string? Summary { get; private set; }

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    public int FirstAssessmentYear { get; private set; }

    public int LastAssessmentYear { get; private set; }

    public decimal? TargetTotalScore { get; private set; }

    public int? TargetRank { get; private set; }

    /// <summary>The ranking group aimed for, as the document words it (e.g. "khá").</summary>
    public string? TargetRankGroup { get; private set; }

    public PlanStatus Status { get; private set; }

    public Guid? SupersededById { get; private set; }

    /// <summary>The plan this one details (a lead agency's plan under the province's plan).</summary>
    public Guid? ParentPlanId { get; private set; }

    public bool IsSample { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PlanIndexTarget> IndexTargets => _indexTargets;

    public IReadOnlyList<SolutionGroup> SolutionGroups => _solutionGroups;

    /// <summary>The deadline rules the plan's lead agencies report by.</summary>
    public IReadOnlyList<PlanReportingRule> ReportingRules => _reportingRules;

    /// <summary>Closed and superseded plans are history: their content, tasks and assignments no longer change.</summary>
    public bool IsOpen => Status is PlanStatus.Draft or PlanStatus.Issued;

    /// <summary>A new draft; its index codes must exist in <paramref name="governing"/>, the framework of its first assessment year.</summary>
    public static Plan Create(PlanSpec spec, Framework governing, DateTimeOffset now)
    {
        var plan = new Plan { Id = Identifiers.NewVersion7(), Status = PlanStatus.Draft, CreatedAt = now };
        plan.Apply(spec, governing, now);
        return plan;
    }

    public void Redefine(PlanSpec spec, Framework governing, DateTimeOffset now)
    {
        EnsureOpen();
        Apply(spec, governing, now);
    }

    public void Issue(DateTimeOffset now)
    {
        MoveOn(PlanAction.Issue, now);
        Raise(new PlanIssued(Id, DocumentNumber, IssuerAgencyId));
    }

    public void Close(DateTimeOffset now)
    {
        MoveOn(PlanAction.Close, now);
        Raise(new PlanClosed(Id, DocumentNumber));
    }

    public void SupersedeBy(Plan newer, DateTimeOffset now)
    {
        var next = PlanLifecycle.Table.Next(Status, PlanAction.Supersede, Describe());
        if (newer.Id == Id)
        {
            throw new DomainException("plan.self-supersede", "A plan cannot supersede itself.", "supersededById");
        }

        if (!newer.IsOpen)
        {
            throw new DomainException("plan.superseding-closed", $"Plan '{newer.DocumentNumber}' is {newer.Status}; only a draft or issued plan can supersede another.", "supersededById");
        }

        Status = next;
        SupersededById = newer.Id;
        Touch(now);
        Raise(new PlanSuperseded(Id, DocumentNumber, newer.Id));
    }

    /// <summary>
    /// Names the deadline rules the plan's lead agencies report by (duplicates count once). Rules kept keep their
    /// rows; the plan's version moves on only when the set changes.
    /// </summary>
    public void SetReportingRules(IEnumerable<Guid> deadlineRuleIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadlineRuleIds);
        EnsureOpen();
        var wanted = deadlineRuleIds.Distinct().ToList();
        var removed = _reportingRules.RemoveAll(r => !wanted.Contains(r.DeadlineRuleId));
        var added = wanted.Where(id => _reportingRules.TrueForAll(r => r.DeadlineRuleId != id)).Select(id => new PlanReportingRule(Id, id)).ToList();
        _reportingRules.AddRange(added);
        if (removed > 0 || added.Count > 0)
        {
            Touch(now);
        }
    }

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw DomainException.Conflict("plan.not-open", $"Plan '{DocumentNumber}' is {Status}; it and its tasks and assignments no longer change.");
        }
    }

    /// <summary>Marks a change to the plan's tasks or assignments, so readers of the plan see a new version.</summary>
    internal void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Takes <paramref name="action"/> if the lifecycle table allows it from the current status (409 otherwise).</summary>
    private void MoveOn(PlanAction action, DateTimeOffset now)
    {
        Status = PlanLifecycle.Table.Next(Status, action, Describe());
        Touch(now);
    }

    private string Describe() => $"Plan '{DocumentNumber}'";

    private void Apply(PlanSpec spec, Framework governing, DateTimeOffset now)
    {
        if (spec.PeriodStart is { } start && spec.PeriodEnd is { } end && end < start)
        {
            throw new DomainException("plan.period", "'periodEnd' must not be before 'periodStart'.", "periodEnd");
        }

        if (spec.Kind == PlanKind.Campaign && (spec.PeriodStart is null || spec.PeriodEnd is null))
        {
            throw new DomainException("plan.campaign-period", "A campaign runs for a period: 'periodStart' and 'periodEnd' are required.", "periodStart");
        }

        if (spec.FirstAssessmentYear is < FrameworkLimits.FirstSupportedYear or > FrameworkLimits.LastSupportedYear
            || spec.LastAssessmentYear < spec.FirstAssessmentYear || spec.LastAssessmentYear > FrameworkLimits.LastSupportedYear)
        {
            throw new DomainException("year-range", $"Assessment years must run forward within {FrameworkLimits.FirstSupportedYear}–{FrameworkLimits.LastSupportedYear}.", "lastAssessmentYear");
        }

        if (!governing.Governs(spec.FirstAssessmentYear))
        {
            throw new DomainException("plan.framework-mismatch", $"Framework '{governing.Code}' does not govern {spec.FirstAssessmentYear}.", "firstAssessmentYear");
        }

        if (spec.TargetTotalScore is < 0 or > PlanLimits.MaxTotalScore)
        {
            throw new DomainException("plan.target-score", $"'targetTotalScore' must be between 0 and {PlanLimits.MaxTotalScore:0}.", "targetTotalScore");
        }

        if (spec.TargetRank is < 1 or > PlanLimits.MaxRank)
        {
            throw new DomainException("plan.target-rank", $"'targetRank' must be between 1 and {PlanLimits.MaxRank}.", "targetRank");
        }

        if (spec.ParentPlanId is { } parent && parent == Id)
        {
            throw new DomainException("plan.self-parent", "A plan cannot be its own parent.", "parentPlanId");
        }

        var targets = spec.IndexTargets.Select((t, i) => new PlanIndexTarget(t, $"indexTargets[{i}]")).ToList();
        var groups = spec.SolutionGroups.Select((g, i) => new SolutionGroup(g, $"solutionGroups[{i}]")).ToList();
        CheckIndexCodes(governing, targets, groups);

        Kind = spec.Kind;
        DocumentNumber = Guard.Text(spec.DocumentNumber, "documentNumber", PlanLimits.DocumentNumberMaxLength);
        IssuerAgencyId = spec.IssuerAgencyId;
        IssueDate = spec.IssueDate;
        Title = Guard.Text(spec.Title, "title", PlanLimits.TitleMaxLength);
        Summary = Guard.OptionalText(spec.Summary, "summary", PlanLimits.SummaryMaxLength);
        PeriodStart = spec.PeriodStart;
        PeriodEnd = spec.PeriodEnd;
        FirstAssessmentYear = spec.FirstAssessmentYear;
        LastAssessmentYear = spec.LastAssessmentYear;
        TargetTotalScore = DecimalKind.Points.Round(spec.TargetTotalScore);
        TargetRank = spec.TargetRank;
        TargetRankGroup = Guard.OptionalText(spec.TargetRankGroup, "targetRankGroup", PlanLimits.RankGroupMaxLength);
        ParentPlanId = spec.ParentPlanId;
        IsSample = spec.IsSample;
        _indexTargets.Clear();
        _indexTargets.AddRange(targets);
        _solutionGroups.Clear();
        _solutionGroups.AddRange(groups);
        Touch(now);
    }

    private static void CheckIndexCodes(Framework governing, List<PlanIndexTarget> targets, List<SolutionGroup> groups)
    {
        var mains = governing.MainIndices.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (!mains.Contains(targets[i].MainIndexCode))
            {
                errors[$"indexTargets[{i}].mainIndexCode"] = [$"Main index '{targets[i].MainIndexCode}' is not in framework '{governing.Code}'."];
            }
        }

        foreach (var duplicate in targets.Select((t, i) => (t.MainIndexCode, i)).GroupBy(x => x.MainIndexCode, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors[$"indexTargets[{duplicate.Last().i}].mainIndexCode"] = [$"Main index '{duplicate.Key}' has more than one target."];
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (!mains.Contains(groups[i].MainIndexCode))
            {
                errors[$"solutionGroups[{i}].mainIndexCode"] = [$"Main index '{groups[i].MainIndexCode}' is not in framework '{governing.Code}'."];
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException("plan.unknown-index", $"Index codes must be main indices of framework '{governing.Code}', which governs the plan's first assessment year.", errors);
        }
    }
}
