using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>Which <see cref="DueAnchor"/> case a stored rule uses.</summary>
public enum DueAnchorKind
{
    DayOfLastMonth,
    FixedDate,
    WorkingDaysAfterCutoff,
    ExplicitDate,
    DayOfMonthAfter,
    DaysAfter,
}

/// <summary>
/// A <see cref="DeadlineRule"/> kept as data: its parts in plain columns, plus the rule written out in
/// Vietnamese and English by <see cref="DeadlineRuleText.Format"/>. Every stored definition rebuilds a valid
/// rule, because it is only ever made from one.
/// </summary>
public sealed class DeadlineRuleDefinition : AggregateRoot
{
    /// <summary>Longest rendering of a rule (every clause plus the longest legal basis fits well within it).</summary>
    public const int MaxTextLength = 1000;

    private DeadlineRuleDefinition()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = null!;

    public ReportingFrequency Frequency { get; private set; }

    public DueAnchorKind DueKind { get; private set; }

    /// <summary>Day of the month (day-of-last-month and fixed-date anchors).</summary>
    public int? DueDay { get; private set; }

    /// <summary>Month (fixed-date anchor).</summary>
    public int? DueMonth { get; private set; }

    /// <summary>True when a fixed date falls in the year after the period.</summary>
    public bool DueFollowingYear { get; private set; }

    public int? DueWorkingDays { get; private set; }

    /// <summary>Months after the period's last month (day-of-month-after anchor).</summary>
    public int? DueMonthsAfter { get; private set; }

    /// <summary>The number of days (days-after anchor).</summary>
    public int? DueDays { get; private set; }

    public DayCount? DueDayCount { get; private set; }

    public DaysCountedFrom? DueCountedFrom { get; private set; }

    /// <summary>The last allowed instant's time of day; null for the end of the day.</summary>
    public TimeOnly? DueTime { get; private set; }

    /// <summary>The one-off date (explicit-date anchor).</summary>
    public DateOnly? DueDate { get; private set; }

    public DeadlineBoundary Boundary { get; private set; }

    public CutoffConvention Cutoff { get; private set; }

    public HolidayAdjustment Adjustment { get; private set; }

    public string? LegalBasisDocumentNumber { get; private set; }

    public DateOnly? LegalBasisIssuedOn { get; private set; }

    public string TextVi { get; private set; } = null!;

    public string TextEn { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: increases with every change; the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public DueAnchor Due => DueKind switch
    {
        DueAnchorKind.DayOfLastMonth => new DueAnchor.DayOfLastMonth(DueDay!.Value),
        DueAnchorKind.FixedDate => new DueAnchor.FixedDate(DueDay!.Value, DueMonth!.Value, DueFollowingYear),
        DueAnchorKind.WorkingDaysAfterCutoff => new DueAnchor.WorkingDaysAfterCutoff(DueWorkingDays!.Value),
        DueAnchorKind.DayOfMonthAfter => new DueAnchor.DayOfMonthAfter(DueDay!.Value, DueMonthsAfter!.Value),
        DueAnchorKind.DaysAfter => new DueAnchor.DaysAfter(DueDays!.Value, DueDayCount!.Value, DueCountedFrom!.Value),
        _ => new DueAnchor.ExplicitDate(DueDate!.Value),
    };

    public LegalBasis? LegalBasis => LegalBasisDocumentNumber is null ? null : new LegalBasis(LegalBasisDocumentNumber, LegalBasisIssuedOn!.Value);

    public static DeadlineRuleDefinition Create(DeadlineRule rule, DateTimeOffset now)
    {
        var definition = new DeadlineRuleDefinition { Id = Identifiers.NewVersion7(), CreatedAt = now };
        definition.Apply(rule, now);
        definition.Raise(new DeadlineRuleCreated(definition.Id, definition.Name, definition.Frequency));
        return definition;
    }

    /// <summary>The rule itself, ready for <see cref="DeadlineCalculator"/>.</summary>
    public DeadlineRule ToRule() => DeadlineRule.Create(Name, Frequency, Due, Boundary, Cutoff, Adjustment, LegalBasis, DueTime);

    /// <summary>Replaces every part of the rule; every deadline computed from it may move.</summary>
    public void Redefine(DeadlineRule rule, DateTimeOffset now)
    {
        Apply(rule, now);
        Raise(new DeadlineRuleChanged(Id, Name, Frequency, Version));
    }

    private void Apply(DeadlineRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var textVi = DeadlineRuleText.Format(rule, "vi");
        var textEn = DeadlineRuleText.Format(rule, "en");
        if (textVi.Length > MaxTextLength || textEn.Length > MaxTextLength)
        {
            throw new DomainException("deadline-rule.text-too-long", $"The rule's text would exceed {MaxTextLength} characters.", "legalBasis");
        }

        Name = rule.Name;
        Frequency = rule.Frequency;
        DueDay = null;
        DueMonth = null;
        DueFollowingYear = false;
        DueWorkingDays = null;
        DueDate = null;
        DueMonthsAfter = null;
        DueDays = null;
        DueDayCount = null;
        DueCountedFrom = null;
        switch (rule.Due)
        {
            case DueAnchor.DayOfLastMonth d:
                DueKind = DueAnchorKind.DayOfLastMonth;
                DueDay = d.Day;
                break;
            case DueAnchor.FixedDate f:
                DueKind = DueAnchorKind.FixedDate;
                (DueDay, DueMonth, DueFollowingYear) = (f.Day, f.Month, f.FollowingYear);
                break;
            case DueAnchor.WorkingDaysAfterCutoff w:
                DueKind = DueAnchorKind.WorkingDaysAfterCutoff;
                DueWorkingDays = w.WorkingDays;
                break;
            case DueAnchor.DayOfMonthAfter m:
                DueKind = DueAnchorKind.DayOfMonthAfter;
                (DueDay, DueMonthsAfter) = (m.Day, m.MonthsAfter);
                break;
            case DueAnchor.DaysAfter d:
                DueKind = DueAnchorKind.DaysAfter;
                (DueDays, DueDayCount, DueCountedFrom) = (d.Days, d.DayCount, d.CountedFrom);
                break;
            case DueAnchor.ExplicitDate e:
                DueKind = DueAnchorKind.ExplicitDate;
                DueDate = e.Date;
                break;
            default:
                throw new InvalidOperationException($"Unknown anchor {rule.Due}.");
        }

        DueTime = rule.TimeOfDay;
        Boundary = rule.Boundary;
        Cutoff = rule.Cutoff;
        Adjustment = rule.Adjustment;
        LegalBasisDocumentNumber = rule.LegalBasis?.DocumentNumber;
        LegalBasisIssuedOn = rule.LegalBasis?.IssuedOn;
        TextVi = textVi;
        TextEn = textEn;
        UpdatedAt = now;
        Version++;
    }
}
