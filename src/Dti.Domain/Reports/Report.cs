using System.Globalization;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;

namespace Dti.Domain.Reports;

/// <summary>
/// What an agency reports for one obligation (periodic: plan × reporting rule × period) or one request (ad hoc,
/// contribution): an entry per index it answers for, the three sections, and — at each submission — the state of its plan
/// tasks. Its states follow <see cref="ReportLifecycle"/>; every submission freezes a <see cref="ReportVersion"/>.
/// </summary>
/// <remarks>
/// Timeliness that counts (<see cref="CountedTimeliness"/>) is the first submission that was not withdrawn, whatever
/// returns and revisions follow: a return asks for corrections, and the province judges an agency's punctuality by when it
/// first reported. A withdrawn submission never counts (the agency took it back before anyone read it, so an empty
/// report sent on time and withdrawn earns nothing). Every version keeps its own timeliness too.
/// </remarks>
public sealed class Report : AggregateRoot
{
    private readonly List<ReportEntry> _entries = [];
    private IReadOnlyList<TaskStateSpec> _tasks = [];

    private Report()
    {
    }

    public Guid Id { get; private set; }

    public ReportKind Kind { get; private set; }

    /// <summary>The reporting agency.</summary>
    public Guid AgencyId { get; private set; }

    public int AssessmentYear { get; private set; }

    /// <summary>Periodic: the plan whose reporting rule asks for the report.</summary>
    public Guid? PlanId { get; private set; }

    /// <summary>Periodic: the plan's reporting rule (a deadline rule).</summary>
    public Guid? DeadlineRuleId { get; private set; }

    /// <summary>Periodic: the period, e.g. <c>2023Q4</c>.</summary>
    public string? PeriodId { get; private set; }

    /// <summary>Ad hoc and contribution: the request answered.</summary>
    public Guid? ReportRequestId { get; private set; }

    /// <summary>
    /// A contribution: the lead agency that asked for it and reviews it (the request's issuer). Null for periodic and ad hoc
    /// reports, which the coordinator reviews.
    /// </summary>
    public Guid? ReviewingAgencyId { get; private set; }

    /// <summary>The obligation or request answered, as one text: an agency answers each at most once.</summary>
    public string SubjectKey { get; private set; } = null!;

    public ReportState State { get; private set; }

    /// <summary>1 at first; each correction after acceptance is a new revision.</summary>
    public int Revision { get; private set; }

    public string? Results { get; private set; }

    public string? Difficulties { get; private set; }

    public string? Proposals { get; private set; }

    /// <summary>The number of the last frozen version; 0 before the first submission.</summary>
    public int LatestVersionNumber { get; private set; }

    /// <summary>
    /// The last accepted version; null until one is. While an accepted report is being corrected, readers and the ministry
    /// keep seeing this version.
    /// </summary>
    public int? AcceptedVersionNumber { get; private set; }

    /// <summary>The version whose timeliness is the report's (see the remarks); null until one counts.</summary>
    public int? CountedVersionNumber { get; private set; }

    public DateTimeOffset? CountedSubmittedAt { get; private set; }

    public ReportTimeliness? CountedTimeliness { get; private set; }

    public int? CountedWorkingDaysLate { get; private set; }

    public bool IsSample { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: increases with every change; the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    /// <summary>The entries in the order their author gave them.</summary>
    public IReadOnlyList<ReportEntry> Entries => _entries;

    /// <summary>The agency's plan tasks as they stood at the last submission.</summary>
    public IReadOnlyList<TaskStateSpec> Tasks => _tasks;

    public Lifecycle<ReportState, ReportAction> Lifecycle => ReportLifecycle.For(Kind);

    /// <summary>A draft periodic report for an obligation the caller has checked exists.</summary>
    public static Report CreatePeriodic(Guid agencyId, Guid planId, Guid deadlineRuleId, ReportingPeriod period, bool isSample, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        var report = New(ReportKind.Periodic, agencyId, period.Year, isSample, now);
        report.PlanId = planId;
        report.DeadlineRuleId = deadlineRuleId;
        report.PeriodId = period.Id;
        report.SubjectKey = SubjectOf(planId, deadlineRuleId, period.Id);
        return report;
    }

    /// <summary>A draft answer to <paramref name="request"/>, which must ask <paramref name="agencyId"/>.</summary>
    public static Report CreateFor(ReportRequest request, Guid agencyId, bool isSample, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Asks(agencyId))
        {
            throw new DomainException("report.not-asked", $"Request '{request.Topic}' does not ask this agency for a report.", "agencyId");
        }

        var kind = request.Kind == ReportRequestKind.Contribution ? ReportKind.Contribution : ReportKind.AdHoc;
        var report = New(kind, agencyId, request.AssessmentYear, isSample, now);
        report.ReportRequestId = request.Id;
        report.ReviewingAgencyId = kind == ReportKind.Contribution ? request.IssuerAgencyId : null;
        report.SubjectKey = SubjectOf(request.Id);
        return report;
    }

    /// <summary>The subject key of a periodic obligation.</summary>
    public static string SubjectOf(Guid planId, Guid deadlineRuleId, string periodId) =>
        string.Create(CultureInfo.InvariantCulture, $"P:{planId:N}:{deadlineRuleId:N}:{periodId}");

    /// <summary>The subject key of a request.</summary>
    public static string SubjectOf(Guid reportRequestId) => string.Create(CultureInfo.InvariantCulture, $"R:{reportRequestId:N}");

    /// <summary>Replaces the content with entries that cite no contribution.</summary>
    public void ReplaceContent(ReportContentSpec content, IReadOnlyDictionary<string, AnswerableIndex> answerable, DateTimeOffset now) =>
        ReplaceContent(content, answerable, [], now);

    /// <summary>
    /// Replaces the content: a draft stays a draft, a returned report becomes one. Each entry must answer an index of
    /// <paramref name="answerable"/> once, with its value in the field its measure type asks for and a score not above
    /// its maximum (422 naming <c>entries[i]…</c>). Evidence may still be missing in a draft. An entry's value may cite the
    /// contributions it was taken from, each one of <paramref name="offers"/> for its index.
    /// </summary>
    public void ReplaceContent(ReportContentSpec content, IReadOnlyDictionary<string, AnswerableIndex> answerable, IReadOnlyCollection<ContributionOffer> offers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(offers);
        var from = State;
        var next = Lifecycle.Next(State, ReportAction.Edit, Describe());
        var entries = Build(content.Entries, answerable, offers);
        var results = Guard.OptionalText(content.Results, "results", ReportLimits.SectionMaxLength);
        var difficulties = Guard.OptionalText(content.Difficulties, "difficulties", ReportLimits.SectionMaxLength);
        var proposals = Guard.OptionalText(content.Proposals, "proposals", ReportLimits.SectionMaxLength);

        _entries.Clear();
        _entries.AddRange(entries);
        Results = results;
        Difficulties = difficulties;
        Proposals = proposals;
        State = next;
        Touch(now);
        if (from == ReportState.Returned)
        {
            Raise(new ReportReopened(Id, AgencyId, Kind, Revision));
        }
    }

    /// <summary>
    /// Submits the content as it stands and freezes it as a new version, judged against <paramref name="deadline"/>. Every
    /// entry must still answer an index of <paramref name="answerable"/> (assignments may have moved since it was written),
    /// and an index scored without the evidence its framework requires needs an explanation (422 naming
    /// <c>entries[i].evidenceIds</c>). <paramref name="tasks"/> is the agency's plan tasks as they stand now.
    /// </summary>
    public ReportVersion Submit(
        IReadOnlyDictionary<string, AnswerableIndex> answerable,
        ReportDeadline deadline,
        IReadOnlyList<TaskStateSpec> tasks,
        Calendar.WorkingCalendar calendar,
        ReportActor by,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answerable);
        ArgumentNullException.ThrowIfNull(tasks);
        var next = Lifecycle.Next(State, ReportAction.Submit, Describe());
        CheckSubmittable(answerable);
        if (tasks.Count > ReportLimits.MaxTasks)
        {
            throw new DomainException("report.too-many-tasks", $"The agency has {tasks.Count} plan tasks; a report captures at most {ReportLimits.MaxTasks}.", "tasks");
        }

        _tasks = [.. tasks];
        var (timeliness, late) = ReportTimelinessRule.Judge(now, deadline, calendar);
        var version = new ReportVersion(this, LatestVersionNumber + 1, ReportDocument.Of(this), deadline, timeliness, late, by, now);
        LatestVersionNumber = version.Number;
        if (CountedVersionNumber is null)
        {
            CountedVersionNumber = version.Number;
            CountedSubmittedAt = now;
            CountedTimeliness = timeliness;
            CountedWorkingDaysLate = late;
        }

        State = next;
        Touch(now);
        Raise(new ReportSubmitted(Id, AgencyId, Kind, version.Number, Revision, timeliness, late, version.ContentHash));
        return version;
    }

    /// <summary>Takes a submitted report back before review; its version is marked withdrawn and stops counting.</summary>
    public void Withdraw(ReportVersion? latest, DateTimeOffset now)
    {
        var next = Lifecycle.Next(State, ReportAction.Withdraw, Describe());
        var version = EnsureLatest(latest);
        version.Withdraw(now);
        if (CountedVersionNumber == version.Number)
        {
            CountedVersionNumber = null;
            CountedSubmittedAt = null;
            CountedTimeliness = null;
            CountedWorkingDaysLate = null;
        }

        State = next;
        Touch(now);
        Raise(new ReportWithdrawn(Id, AgencyId, Kind, version.Number));
    }

    public void Accept(ReportVersion? latest, ReportActor by, DateTimeOffset now)
    {
        var next = Lifecycle.Next(State, ReportAction.Accept, Describe());
        var version = EnsureLatest(latest);
        version.Accept(by, now);
        AcceptedVersionNumber = version.Number;
        State = next;
        Touch(now);
        Raise(new ReportAccepted(Id, AgencyId, Kind, version.Number, Revision));
    }

    /// <summary>Sends the report back with a reason overall and/or per index (at least one of them; an index at most once).</summary>
    public void Return(ReportVersion? latest, ReportActor by, string? reason, IReadOnlyList<(string IndexCode, string Note)> indexNotes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indexNotes);
        var next = Lifecycle.Next(State, ReportAction.Return, Describe());
        var why = Guard.OptionalText(reason, "reason", ReportLimits.ReasonMaxLength);
        var notes = indexNotes.Select((n, i) => (
            Code: Guard.Text(n.IndexCode, $"indexNotes[{i}].indexCode", Frameworks.FrameworkLimits.IndexCodeMaxLength),
            Note: Guard.Text(n.Note, $"indexNotes[{i}].note", ReportLimits.ReasonMaxLength))).ToList();
        if (why is null && notes.Count == 0)
        {
            throw new DomainException("report.return-reason", "Say why the report goes back: give 'reason', 'indexNotes', or both.", "reason");
        }

        var twice = notes.Select((n, i) => (n.Code, i)).GroupBy(n => n.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DomainException("report.duplicate-index", $"Index '{twice.Key}' has more than one note.", $"indexNotes[{twice.Last().i}].indexCode");
        }

        var version = EnsureLatest(latest);
        version.Return(by, why, notes, now);
        State = next;
        Touch(now);
        Raise(new ReportReturned(Id, AgencyId, Kind, version.Number, why, [.. notes.Select(n => n.Code)]));
    }

    /// <summary>Makes a returned report a draft again, unchanged.</summary>
    public void Reopen(DateTimeOffset now)
    {
        State = Lifecycle.Next(State, ReportAction.Reopen, Describe());
        Touch(now);
        Raise(new ReportReopened(Id, AgencyId, Kind, Revision));
    }

    /// <summary>Starts a correction of an accepted report: the next revision, a draft with the accepted content, to be accepted again.</summary>
    public void Revise(DateTimeOffset now)
    {
        State = Lifecycle.Next(State, ReportAction.Revise, Describe());
        Revision++;
        Touch(now);
        Raise(new ReportRevised(Id, AgencyId, Kind, Revision));
    }

    /// <summary>What the lifecycle allows next, for the reader of the report.</summary>
    public IReadOnlyList<ReportAction> AllowedActions() => Lifecycle.AllowedFrom(State);

    private static Report New(ReportKind kind, Guid agencyId, int assessmentYear, bool isSample, DateTimeOffset now) => new()
    {
        Id = Identifiers.NewVersion7(),
        Kind = kind,
        AgencyId = agencyId,
        AssessmentYear = assessmentYear,
        State = ReportState.Draft,
        Revision = 1,
        IsSample = isSample,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    private List<ReportEntry> Build(IReadOnlyList<ReportEntrySpec> specs, IReadOnlyDictionary<string, AnswerableIndex> answerable, IReadOnlyCollection<ContributionOffer> offers)
    {
        if (specs.Count > ReportLimits.MaxEntries)
        {
            throw new DomainException("max-count", $"At most {ReportLimits.MaxEntries} entries.", "entries");
        }

        var entries = new List<ReportEntry>(specs.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < specs.Count; i++)
        {
            var path = $"entries[{i}]";
            var code = Guard.Text(specs[i].IndexCode, $"{path}.indexCode", Frameworks.FrameworkLimits.IndexCodeMaxLength);
            if (!answerable.TryGetValue(code, out var index))
            {
                throw NotAnswerable(new Dictionary<string, string[]> { [$"{path}.indexCode"] = [NotAnswerableMessage(code)] });
            }

            if (!seen.Add(index.Code))
            {
                throw new DomainException("report.duplicate-index", $"Index '{index.Code}' has more than one entry.", $"{path}.indexCode");
            }

            entries.Add(new ReportEntry(Id, i, specs[i], index, offers, path));
        }

        return entries;
    }

    private void CheckSubmittable(IReadOnlyDictionary<string, AnswerableIndex> answerable)
    {
        var ordered = _entries.OrderBy(e => e.Position).ToList();
        var strangers = new Dictionary<string, string[]>();
        var unproven = new Dictionary<string, string[]>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!answerable.TryGetValue(ordered[i].IndexCode, out var index))
            {
                strangers[$"entries[{i}].indexCode"] = [NotAnswerableMessage(ordered[i].IndexCode)];
            }
            else if (ordered[i].LacksEvidence(index))
            {
                unproven[$"entries[{i}].evidenceIds"] = [$"Index '{index.Code}' is scored without evidence, which its framework requires: attach evidence or give an 'explanation'."];
            }
        }

        if (strangers.Count > 0)
        {
            throw NotAnswerable(strangers);
        }

        if (unproven.Count > 0)
        {
            throw new DomainException("report.evidence-missing", "Indices scored without the evidence their framework requires need an explanation.", unproven);
        }

        if (ordered.Count == 0 && Results is null && Difficulties is null && Proposals is null)
        {
            throw new DomainException("report.empty", "An empty report cannot be submitted: give at least one entry or section.", "entries");
        }
    }

    /// <summary>The version a review or withdrawal closes: the lifecycle only allows those from Submitted, which always has one.</summary>
    private ReportVersion EnsureLatest(ReportVersion? latest)
    {
        if (latest is null || latest.ReportId != Id || latest.Number != LatestVersionNumber)
        {
            throw new InvalidOperationException($"Version {latest?.Number} is not the latest version of report {Id} (version {LatestVersionNumber}).");
        }

        return latest;
    }

    private static DomainException NotAnswerable(Dictionary<string, string[]> errors) =>
        new("report.index-not-answerable", "Reports hold only the indices the agency answers for in the report's assessment year (as lead under the plan, or as asked by the request).", errors);

    private static string NotAnswerableMessage(string code) =>
        $"The agency does not answer for index '{code}' in this report (not its lead index under the plan, or not asked by the request).";

    private string Describe() => $"Report {Id}";

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
