using System.Globalization;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.SelfAssessments;

/// <summary>
/// The province's self-assessment (tự đánh giá) of one assessment year: the consolidation of its agencies' accepted
/// reports, the coordinator's overrides, and the snapshots it was finalised as. What the reports say is read when the
/// self-assessment is shown, so it follows every acceptance until it is finalised; only overrides are stored here.
/// </summary>
public sealed class SelfAssessment : AggregateRoot
{
    private readonly List<SelfAssessmentOverride> _overrides = [];

    private SelfAssessment()
    {
    }

    public Guid Id { get; private set; }

    public int AssessmentYear { get; private set; }

    /// <summary>The framework governing the year when the self-assessment was opened.</summary>
    public Guid FrameworkId { get; private set; }

    /// <summary>The rule the self-assessment's own deadline comes from (Quảng Bình's "before 15/01 of the next year").</summary>
    public Guid DeadlineRuleId { get; private set; }

    /// <summary>The last day the self-assessment is on time, as the rule gives it for the year.</summary>
    public DateOnly LastAllowedDay { get; private set; }

    /// <summary>The rule's time of day on <see cref="LastAllowedDay"/> (+07:00); null when the day runs to 24:00.</summary>
    public TimeOnly? LastAllowedTime { get; private set; }

    /// <summary>The deadline finalisation is judged against, the rule's last allowed instant for the year.</summary>
    public Reports.ReportDeadline Deadline => new(LastAllowedDay, LastAllowedTime);

    public SelfAssessmentState State { get; private set; }

    /// <summary>The revision being prepared (Open) or the last one frozen (Finalised): 1, 2, …</summary>
    public int Revision { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: increases with every change; the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<SelfAssessmentOverride> Overrides => _overrides;

    public static SelfAssessment Open(int assessmentYear, Framework framework, Guid deadlineRuleId, Reports.ReportDeadline deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(deadline);
        if (!framework.Governs(assessmentYear))
        {
            throw new DomainException("self-assessment.no-framework", $"Framework '{framework.Code}' does not govern {assessmentYear}.", "assessmentYear");
        }

        var assessment = new SelfAssessment
        {
            Id = Identifiers.NewVersion7(),
            AssessmentYear = assessmentYear,
            FrameworkId = framework.Id,
            DeadlineRuleId = deadlineRuleId,
            LastAllowedDay = deadline.LastAllowedDay,
            LastAllowedTime = deadline.TimeOfDay,
            State = SelfAssessmentState.Open,
            Revision = 1,
            OpenedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        assessment.Raise(new SelfAssessmentOpened(assessment.Id, assessmentYear));
        return assessment;
    }

    /// <summary>
    /// Replaces what the reports say about <paramref name="indexCode"/> with <paramref name="value"/> and/or
    /// <paramref name="score"/>, for <paramref name="reason"/>. The reported figures stay visible beside it; an earlier
    /// override of the index is replaced (the audit trail keeps it). A main index's value is on the ministry's [0, 1]
    /// scale; a score is not above the index's max points.
    /// </summary>
    public void Override(Framework framework, string indexCode, decimal? value, decimal? score, string reason, SelfAssessmentActor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(by);
        var next = SelfAssessmentLifecycle.Table.Next(State, SelfAssessmentAction.Override, Describe());
        var main = framework.MainIndices.FirstOrDefault(m => string.Equals(m.Code, indexCode, StringComparison.OrdinalIgnoreCase));
        var component = framework.ComponentIndices.FirstOrDefault(c => string.Equals(c.Code, indexCode, StringComparison.OrdinalIgnoreCase));
        if (main is null && component is null)
        {
            throw new DomainException("self-assessment.unknown-index", $"Framework '{framework.Code}' has no index '{indexCode}'.", "indexCode");
        }

        if (value is null && score is null)
        {
            throw new DomainException("self-assessment.override-empty", "An override gives a 'value', a 'score', or both.", "value");
        }

        var code = main?.Code ?? component!.Code;
        var max = main is not null ? main.MaxPoints : component!.MaxPoints;
        if (score is { } points && (points < 0 || (max is { } limit && points > limit)))
        {
            throw new DomainException("self-assessment.score-range", $"The score of index '{code}' must be between 0 and {(max ?? FrameworkLimits.TotalPoints).ToString("0.##", CultureInfo.InvariantCulture)} points.", "score");
        }

        var checkedValue = main is not null && value is { } v ? DtiScoring.CheckValue(v, "value") : DecimalKind.IndexValue.Round(value);
        if (checkedValue is < 0)
        {
            throw new DomainException("self-assessment.value-range", "A value is not negative.", "value");
        }

        var why = Guard.Text(reason, "reason", SelfAssessmentLimits.ReasonMaxLength);
        _overrides.RemoveAll(o => o.IndexCode == code);
        _overrides.Add(new SelfAssessmentOverride(Id, code, checkedValue, DecimalKind.Points.Round(score), why, by, now));
        State = next;
        Touch(now);
    }

    /// <summary>Freezes <paramref name="document"/> (the canonical consolidation) as the current revision, signed by <paramref name="signature"/>.</summary>
    public SelfAssessmentSnapshot Finalise(string document, SnapshotSignature signature, SelfAssessmentActor by, DateTimeOffset now)
    {
        State = SelfAssessmentLifecycle.Table.Next(State, SelfAssessmentAction.Finalise, Describe());
        var snapshot = new SelfAssessmentSnapshot(this, document, signature, by, now);
        Touch(now);
        Raise(new SelfAssessmentFinalised(Id, AssessmentYear, Revision, snapshot.Sha256));
        return snapshot;
    }

    /// <summary>Opens the finalised self-assessment again; finalising it once more makes the next revision, the earlier ones unchanged.</summary>
    public void Reopen(DateTimeOffset now)
    {
        State = SelfAssessmentLifecycle.Table.Next(State, SelfAssessmentAction.Reopen, Describe());
        Revision++;
        Touch(now);
        Raise(new SelfAssessmentReopened(Id, AssessmentYear, Revision));
    }

    public IReadOnlyList<SelfAssessmentAction> AllowedActions() => SelfAssessmentLifecycle.Table.AllowedFrom(State);

    private string Describe() => string.Create(CultureInfo.InvariantCulture, $"Self-assessment {AssessmentYear}");

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>Who acted on a self-assessment: the client's id and name.</summary>
public sealed record SelfAssessmentActor(string Id, string Name);

/// <summary>The coordinator's value and/or score for one index, with the reason; the reported figures stay beside it.</summary>
public sealed class SelfAssessmentOverride
{
    private SelfAssessmentOverride()
    {
    }

    internal SelfAssessmentOverride(Guid selfAssessmentId, string indexCode, decimal? value, decimal? score, string reason, SelfAssessmentActor by, DateTimeOffset at)
    {
        Id = Identifiers.NewVersion7();
        SelfAssessmentId = selfAssessmentId;
        IndexCode = indexCode;
        Value = value;
        Score = score;
        Reason = reason;
        ById = Guard.Text(by.Id, "by", SelfAssessmentLimits.ActorMaxLength);
        ByName = Guard.Text(by.Name, "by", SelfAssessmentLimits.ActorMaxLength);
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid SelfAssessmentId { get; private set; }

    public string IndexCode { get; private set; } = null!;

    public decimal? Value { get; private set; }

    public decimal? Score { get; private set; }

    public string Reason { get; private set; } = null!;

    public string ById { get; private set; } = null!;

    public string ByName { get; private set; } = null!;

    public DateTimeOffset At { get; private set; }
}
