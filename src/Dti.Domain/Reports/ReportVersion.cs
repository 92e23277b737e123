using Dti.Domain.Common;

namespace Dti.Domain.Reports;

/// <summary>
/// What one submission froze: its number (1, 2, … across the report's revisions), the content as canonical JSON with its
/// SHA-256, when and by whom it was submitted and whether it came on time. The content never changes; only what became
/// of the version (withdrawn, returned with reasons, accepted) is recorded on it, once.
/// </summary>
public sealed class ReportVersion
{
    private readonly List<ReportReturnNote> _indexNotes = [];

    private ReportVersion()
    {
    }

    internal ReportVersion(Report report, int number, ReportDocument document, ReportDeadline deadline, ReportTimeliness timeliness, int workingDaysLate, ReportActor by, DateTimeOffset at)
    {
        Id = Identifiers.NewVersion7();
        ReportId = report.Id;
        Number = number;
        Revision = report.Revision;
        Content = document.ToJson();
        ContentHash = ReportDocument.Hash(Content);
        SubmittedAt = at;
        SubmittedById = Guard.Text(by.Id, "submittedBy", ReportLimits.ActorIdMaxLength);
        SubmittedByName = Guard.Text(by.Name, "submittedBy", ReportLimits.ActorNameMaxLength);
        LastAllowedDay = deadline.LastAllowedDay;
        LastAllowedTime = deadline.TimeOfDay;
        Timeliness = timeliness;
        WorkingDaysLate = workingDaysLate;
        Outcome = ReportVersionOutcome.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public int Number { get; private set; }

    public int Revision { get; private set; }

    /// <summary>The frozen content (<see cref="ReportDocument"/> as canonical JSON).</summary>
    public string Content { get; private set; } = null!;

    public string ContentHash { get; private set; } = null!;

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedById { get; private set; } = null!;

    public string SubmittedByName { get; private set; } = null!;

    /// <summary>The last allowed day this submission was judged against.</summary>
    public DateOnly LastAllowedDay { get; private set; }

    /// <summary>The rule's time of day on <see cref="LastAllowedDay"/> (+07:00); null when the day ran to 24:00, as for every version before rules had one.</summary>
    public TimeOnly? LastAllowedTime { get; private set; }

    /// <summary>The deadline this submission was judged against.</summary>
    public ReportDeadline Deadline => new(LastAllowedDay, LastAllowedTime);

    public ReportTimeliness Timeliness { get; private set; }

    /// <summary>0 when on time.</summary>
    public int WorkingDaysLate { get; private set; }

    public ReportVersionOutcome Outcome { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    /// <summary>The reviewer's reason for a return, overall.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>The reviewer's reasons for a return, per index.</summary>
    public IReadOnlyList<ReportReturnNote> IndexNotes => _indexNotes;

    public ReportDocument Document() => ReportDocument.FromJson(Content);

    internal void Withdraw(DateTimeOffset at) => Close(ReportVersionOutcome.Withdrawn, null, at);

    internal void Accept(ReportActor by, DateTimeOffset at) => Close(ReportVersionOutcome.Accepted, by, at);

    internal void Return(ReportActor by, string? reason, IReadOnlyList<(string IndexCode, string Note)> notes, DateTimeOffset at)
    {
        Close(ReportVersionOutcome.Returned, by, at);
        ReturnReason = reason;
        _indexNotes.AddRange(notes.Select(n => new ReportReturnNote(Id, n.IndexCode, n.Note)));
    }

    private void Close(ReportVersionOutcome outcome, ReportActor? by, DateTimeOffset at)
    {
        if (Outcome != ReportVersionOutcome.Pending)
        {
            throw new InvalidOperationException($"Version {Number} of report {ReportId} is already {Outcome}.");
        }

        Outcome = outcome;
        ReviewedAt = at;
        ReviewedById = by is null ? null : Guard.Text(by.Id, "reviewedBy", ReportLimits.ActorIdMaxLength);
        ReviewedByName = by is null ? null : Guard.Text(by.Name, "reviewedBy", ReportLimits.ActorNameMaxLength);
    }
}

/// <summary>A reviewer's reason for returning one index of a version.</summary>
public sealed class ReportReturnNote
{
    private ReportReturnNote()
    {
    }

    internal ReportReturnNote(Guid versionId, string indexCode, string note)
    {
        Id = Identifiers.NewVersion7();
        VersionId = versionId;
        IndexCode = indexCode;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid VersionId { get; private set; }

    public string IndexCode { get; private set; } = null!;

    public string Note { get; private set; } = null!;
}
