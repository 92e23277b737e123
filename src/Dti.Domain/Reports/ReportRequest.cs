using Dti.Domain.Common;

namespace Dti.Domain.Reports;

/// <summary>What a request asks for: who asks, about what, of whom, which indices, by when.</summary>
/// <param name="Kind">Ad hoc (the coordinator asks agencies) or contribution (a lead asks its cooperating agencies).</param>
/// <param name="IssuerAgencyId">The coordinating department, or the lead agency.</param>
/// <param name="Topic">What the report is about.</param>
/// <param name="AssessmentYear">The DTI year the answers belong to.</param>
/// <param name="IssuedOn">The day the request is issued.</param>
/// <param name="DueDate">The last day to answer; or null with <paramref name="DueWorkingDays"/>.</param>
/// <param name="DueWorkingDays">N working days from the issue day, on the working calendar.</param>
/// <param name="AskedAgencyIds">The agencies asked.</param>
/// <param name="AskedIndexCodes">The indices their answers cover.</param>
/// <param name="IsSample">Illustrative data, not a real request.</param>
public sealed record ReportRequestSpec(
    ReportRequestKind Kind,
    Guid IssuerAgencyId,
    string Topic,
    int AssessmentYear,
    DateOnly IssuedOn,
    DateOnly? DueDate,
    int? DueWorkingDays,
    IReadOnlyList<Guid> AskedAgencyIds,
    IReadOnlyList<string> AskedIndexCodes,
    bool IsSample);

/// <summary>
/// A request for reports outside the periodic schedule: the coordinator's ad hoc request to agencies, or a lead agency's
/// request to its cooperating agencies for their contributions. Its deadline is a date, given or counted in working days
/// from the issue day; answers are on time until the end of that day in Asia/Ho_Chi_Minh.
/// </summary>
public sealed class ReportRequest : AggregateRoot
{
    private readonly List<ReportRequestAgency> _askedAgencies = [];
    private readonly List<ReportRequestIndex> _askedIndices = [];

    private ReportRequest()
    {
    }

    public Guid Id { get; private set; }

    public ReportRequestKind Kind { get; private set; }

    public Guid IssuerAgencyId { get; private set; }

    public string Topic { get; private set; } = null!;

    public int AssessmentYear { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    /// <summary>The last day to answer (computed from <see cref="DueWorkingDays"/> when the request gave those).</summary>
    public DateOnly DueDate { get; private set; }

    public int? DueWorkingDays { get; private set; }

    public bool IsSample { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ReportRequestAgency> AskedAgencies => _askedAgencies;

    public IReadOnlyList<ReportRequestIndex> AskedIndices => _askedIndices;

    /// <summary>A date without a time of day: answers are on time until 24:00 of it.</summary>
    public ReportDeadline Deadline => new(DueDate);

    /// <summary>
    /// A new request. The index codes are checked by the caller against the framework of <see cref="AssessmentYear"/>
    /// (and, for contributions, against what the issuer leads); here: one deadline, at least one agency and index, no
    /// duplicates, and a contribution never asks its own issuer.
    /// </summary>
    public static ReportRequest Issue(ReportRequestSpec spec, Calendar.WorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = (spec.DueDate, spec.DueWorkingDays) switch
        {
            ({ } date, null) => date,
            (null, { } days) when days is >= 1 and <= ReportLimits.MaxDueWorkingDays => calendar.AddWorkingDays(spec.IssuedOn, days),
            (null, { }) => throw new DomainException("report-request.due-working-days", $"'dueWorkingDays' must be 1–{ReportLimits.MaxDueWorkingDays}.", "dueWorkingDays"),
            _ => throw new DomainException("report-request.due", "Give either 'dueDate' or 'dueWorkingDays', exactly one.", "dueDate"),
        };
        if (due < spec.IssuedOn)
        {
            throw new DomainException("report-request.due-before-issue", "The due date must not be before the issue date.", "dueDate");
        }

        var agencies = spec.AskedAgencyIds.Distinct().ToList();
        var codes = spec.AskedIndexCodes.Select((c, i) => Guard.Text(c, $"askedIndexCodes[{i}]", Frameworks.FrameworkLimits.IndexCodeMaxLength))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (agencies.Count is 0 or > ReportLimits.MaxAskedAgencies)
        {
            throw new DomainException("report-request.agencies", $"Ask 1–{ReportLimits.MaxAskedAgencies} agencies.", "askedAgencyIds");
        }

        if (codes.Count is 0 or > ReportLimits.MaxAskedIndices)
        {
            throw new DomainException("report-request.indices", $"Ask about 1–{ReportLimits.MaxAskedIndices} indices.", "askedIndexCodes");
        }

        if (spec.Kind == ReportRequestKind.Contribution && agencies.Contains(spec.IssuerAgencyId))
        {
            throw new DomainException("report-request.self", "A lead agency asks its cooperating agencies, not itself, for contributions.", "askedAgencyIds");
        }

        var request = new ReportRequest
        {
            Id = Identifiers.NewVersion7(),
            Kind = spec.Kind,
            IssuerAgencyId = spec.IssuerAgencyId,
            Topic = Guard.Text(spec.Topic, "topic", ReportLimits.TopicMaxLength),
            AssessmentYear = spec.AssessmentYear,
            IssuedOn = spec.IssuedOn,
            DueDate = due,
            DueWorkingDays = spec.DueWorkingDays,
            IsSample = spec.IsSample,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        request._askedAgencies.AddRange(agencies.Select((a, i) => new ReportRequestAgency(a, i)));
        request._askedIndices.AddRange(codes.Select((c, i) => new ReportRequestIndex(c, i)));
        request.Raise(new ReportRequestIssued(request.Id, request.Kind, request.IssuerAgencyId, agencies, request.DueDate));
        return request;
    }

    public bool Asks(Guid agencyId) => _askedAgencies.Exists(a => a.AgencyId == agencyId);

    /// <summary>The agencies asked, in the order the issuer gave them.</summary>
    public IReadOnlyList<Guid> AskedAgencyIds => [.. _askedAgencies.OrderBy(a => a.Position).Select(a => a.AgencyId)];

    /// <summary>The indices asked, in the order the issuer gave them.</summary>
    public IReadOnlyList<string> AskedIndexCodes => [.. _askedIndices.OrderBy(i => i.Position).Select(i => i.IndexCode)];
}

/// <summary>An agency a request asks, one row per agency with its position in the request.</summary>
public sealed class ReportRequestAgency
{
    private ReportRequestAgency()
    {
    }

    internal ReportRequestAgency(Guid agencyId, int position)
    {
        AgencyId = agencyId;
        Position = position;
    }

    public Guid AgencyId { get; private set; }

    public int Position { get; private set; }
}

/// <summary>An index a request asks about, one row per index with its position in the request.</summary>
public sealed class ReportRequestIndex
{
    private ReportRequestIndex()
    {
    }

    internal ReportRequestIndex(string indexCode, int position)
    {
        IndexCode = indexCode;
        Position = position;
    }

    public string IndexCode { get; private set; } = null!;

    public int Position { get; private set; }
}
