using System.Globalization;
using System.Text.RegularExpressions;
using Dti.Domain.Agencies;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Plans;

/// <summary>
/// A task of a plan ("Trung tâm Tích hợp dữ liệu tỉnh trên điện toán đám mây — tháng 11/2023"): one lead agency,
/// cooperating agencies, a due date or month, the indices it should move, and its progress over time.
/// </summary>
public sealed partial class PlanTask : AggregateRoot
{
    private readonly List<TaskCooperator> _cooperators = [];
    private readonly List<TaskProgressEntry> _progress = [];
    private readonly List<TaskHolderChange> _holderChanges = [];
    private readonly List<TaskIndex> _indices = [];

    private PlanTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string Title { get; private set; } = null!;

    public string? Description { get; private set; }

    public Guid LeadAgencyId { get; private set; }

    /// <summary>The resolved due date; for a due month, its last day.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>Set when the task is due "in" a month (<c>2023-11</c>) rather than on a day.</summary>
    public string? DueMonth { get; private set; }

    public PlanTaskStatus Status { get; private set; }

    public int ProgressPercent { get; private set; }

    public string? ProgressNote { get; private set; }

    public DateOnly? ProgressAsOf { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<TaskCooperator> Cooperators => _cooperators;

    public IReadOnlyList<TaskProgressEntry> Progress => _progress;

    public IReadOnlyList<TaskHolderChange> HolderChanges => _holderChanges;

    /// <summary>The indices the task is meant to move, one row each, so "tasks for index X" is a plain query.</summary>
    public IReadOnlyCollection<TaskIndex> Indices => _indices;

    /// <summary>The codes of <see cref="Indices"/> in the order they were given (e.g. <c>3</c>, <c>7.3</c>).</summary>
    public IReadOnlyList<string> IndexCodes => [.. _indices.OrderBy(i => i.Position).Select(i => i.IndexCode)];

    public bool IsFinished => Status is PlanTaskStatus.Done or PlanTaskStatus.Cancelled;

    /// <summary>Overdue is never stored: it depends on the day it is asked.</summary>
    public bool IsOverdueOn(DateOnly today) => DueDate < today && !IsFinished;

    public static PlanTask Create(Plan plan, PlanTaskSpec spec, Framework governing, DateTimeOffset now)
    {
        plan.EnsureOpen();
        var task = new PlanTask { Id = Identifiers.NewVersion7(), PlanId = plan.Id, Status = PlanTaskStatus.NotStarted, CreatedAt = now };
        task.Apply(spec, governing, now);
        return task;
    }

    public void Redefine(Plan plan, PlanTaskSpec spec, Framework governing, string? reason, DateTimeOffset now)
    {
        plan.EnsureOpen();
        var moves = Holders.Diff(LeadAgencyId, CooperatorIds(), spec.LeadAgencyId, [.. spec.CooperatingAgencyIds.Distinct()]);
        Apply(spec, governing, now);
        Record(moves, HolderChangeKind.Reassignment, reason, now);
    }

    /// <summary>Appends a progress report and makes it the task's current status.</summary>
    public void RecordProgress(Plan plan, PlanTaskStatus status, int percent, string? note, DateOnly asOf, DateTimeOffset now)
    {
        plan.EnsureOpen();
        if (IsFinished)
        {
            throw DomainException.Conflict("task.finished", $"Task '{Title}' is {Status}; it takes no more progress.");
        }

        if (percent is < 0 or > PlanLimits.MaxPercent)
        {
            throw new DomainException("task.percent-range", $"'percent' must be between 0 and {PlanLimits.MaxPercent}.", "percent");
        }

        if (status == PlanTaskStatus.Done && percent != PlanLimits.MaxPercent)
        {
            throw new DomainException("task.done-incomplete", "A task reported Done must be 100 percent complete.", "percent");
        }

        if (ProgressAsOf is { } last && asOf < last)
        {
            throw new DomainException("task.progress-out-of-order", $"Progress was last reported as of {last:yyyy-MM-dd}; a new report cannot be older.", "asOf");
        }

        var text = Guard.OptionalText(note, "note", PlanLimits.NoteMaxLength);
        _progress.Add(new TaskProgressEntry(Id, status, percent, text, asOf, now));
        Status = status;
        ProgressPercent = percent;
        ProgressNote = text;
        ProgressAsOf = asOf;
        Touch(now);
        Raise(new TaskProgressRecorded(Id, PlanId, LeadAgencyId, status, percent, asOf));
    }

    /// <summary>Hands everything <paramref name="predecessor"/> holds on this task to its successor, keeping who held it before.</summary>
    public void HandOver(Guid predecessor, Guid successor, string reason, DateTimeOffset now)
    {
        var (lead, cooperators) = Holders.Succeed(LeadAgencyId, CooperatorIds(), predecessor, successor);
        var moves = Holders.Diff(LeadAgencyId, CooperatorIds(), lead, cooperators);
        SetHolders(lead, cooperators);
        Record(moves, HolderChangeKind.Succession, reason, now);
        Touch(now);
    }

    public List<Guid> CooperatorIds() => [.. _cooperators.Select(c => c.AgencyId)];

    private void Apply(PlanTaskSpec spec, Framework governing, DateTimeOffset now)
    {
        var cooperators = Holders.CheckCooperators(spec.LeadAgencyId, spec.CooperatingAgencyIds, "task");
        var (dueDate, dueMonth) = ResolveDue(spec.DueDate, spec.DueMonth);
        var codes = CheckIndexCodes(spec.IndexCodes, governing);

        Title = Guard.Text(spec.Title, "title", PlanLimits.TitleMaxLength);
        Description = Guard.OptionalText(spec.Description, "description", PlanLimits.DescriptionMaxLength);
        DueDate = dueDate;
        DueMonth = dueMonth;
        SetIndices(codes);
        SetHolders(spec.LeadAgencyId, cooperators);
        Touch(now);
    }

    private static (DateOnly? Date, string? Month) ResolveDue(DateOnly? date, string? month)
    {
        var text = Guard.OptionalText(month, "dueMonth", PlanLimits.DueMonthLength);
        if (text is null)
        {
            return (date, null);
        }

        if (date is not null)
        {
            throw new DomainException("task.due-ambiguous", "Give either 'dueDate' or 'dueMonth', not both.", "dueMonth");
        }

        if (!DueMonthRegex().IsMatch(text))
        {
            throw new DomainException("task.due-month-format", "'dueMonth' must be yyyy-MM, e.g. 2023-11.", "dueMonth");
        }

        var first = DateOnly.ParseExact($"{text}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (first.AddMonths(1).AddDays(-1), text);
    }

    private static List<string> CheckIndexCodes(IReadOnlyList<string> codes, Framework governing)
    {
        var known = governing.MainIndices.Select(m => m.Code).Concat(governing.ComponentIndices.Select(c => c.Code)).ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var list = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > PlanLimits.MaxTaskIndexCodes)
        {
            throw new DomainException("max-count", $"At most {PlanLimits.MaxTaskIndexCodes} index codes.", "indexCodes");
        }

        var unknown = list.FindIndex(c => !known.ContainsKey(c));
        if (unknown >= 0)
        {
            throw new DomainException("task.unknown-index", $"Index '{list[unknown]}' is not in framework '{governing.Code}', which governs the plan's first assessment year.", $"indexCodes[{unknown}]");
        }

        // Stored as the framework spells them, so "tasks for index 7.a" finds the task however its code was typed.
        return [.. list.Select(c => known[c])];
    }

    private void SetHolders(Guid lead, List<Guid> cooperators)
    {
        LeadAgencyId = lead;
        _cooperators.RemoveAll(c => !cooperators.Contains(c.AgencyId));
        _cooperators.AddRange(cooperators.Where(a => _cooperators.TrueForAll(c => c.AgencyId != a)).Select(a => new TaskCooperator(Id, a)));
    }

    /// <summary>Keeps the rows of codes that stay (moved to their new place), so an unchanged list writes nothing.</summary>
    private void SetIndices(List<string> codes)
    {
        _indices.RemoveAll(i => !codes.Contains(i.IndexCode));
        for (var position = 0; position < codes.Count; position++)
        {
            var code = codes[position];
            if (_indices.Find(i => i.IndexCode == code) is { } kept)
            {
                kept.MoveTo(position);
            }
            else
            {
                _indices.Add(new TaskIndex(code, position));
            }
        }
    }

    private void Record(List<HolderMove> moves, HolderChangeKind kind, string? reason, DateTimeOffset now) =>
        _holderChanges.AddRange(moves.Select(m => new TaskHolderChange(Id, m, kind, Guard.OptionalText(reason, "reason", PlanLimits.ReasonMaxLength), now)));

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    [GeneratedRegex(PlanLimits.DueMonthPattern)]
    private static partial Regex DueMonthRegex();
}

/// <summary>A cooperating agency (đơn vị phối hợp) of a task.</summary>
public sealed class TaskCooperator
{
    private TaskCooperator()
    {
    }

    internal TaskCooperator(Guid taskId, Guid agencyId)
    {
        Id = Identifiers.NewVersion7();
        TaskId = taskId;
        AgencyId = agencyId;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid AgencyId { get; private set; }
}

/// <summary>An index a task is meant to move; <see cref="Position"/> keeps the list's order.</summary>
public sealed class TaskIndex
{
    private TaskIndex()
    {
    }

    internal TaskIndex(string indexCode, int position)
    {
        IndexCode = indexCode;
        Position = position;
    }

    public string IndexCode { get; private set; } = null!;

    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}

/// <summary>One progress report of a task, kept forever.</summary>
public sealed class TaskProgressEntry
{
    private TaskProgressEntry()
    {
    }

    internal TaskProgressEntry(Guid taskId, PlanTaskStatus status, int percent, string? note, DateOnly asOf, DateTimeOffset recordedAt)
    {
        Id = Identifiers.NewVersion7();
        TaskId = taskId;
        Status = status;
        Percent = percent;
        Note = note;
        AsOf = asOf;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public PlanTaskStatus Status { get; private set; }

    public int Percent { get; private set; }

    public string? Note { get; private set; }

    public DateOnly AsOf { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A change of holder on a task (see <see cref="HolderChange"/>).</summary>
public sealed class TaskHolderChange : HolderChange
{
    private TaskHolderChange()
    {
    }

    internal TaskHolderChange(Guid taskId, HolderMove move, HolderChangeKind kind, string? reason, DateTimeOffset recordedAt)
        : base(move, kind, reason, recordedAt)
    {
        TaskId = taskId;
    }

    public Guid TaskId { get; private set; }
}
