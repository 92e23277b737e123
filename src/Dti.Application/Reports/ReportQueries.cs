using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Frameworks;
using Dti.Application.Obligations;
using Dti.Domain.Calendar;
using Dti.Domain.Clients;
using Dti.Domain.Common;
using Dti.Domain.Reports;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports;

internal static class ReportQueries
{
    /// <summary>The name writes are recorded under when no client is calling (the command line, sample data).</summary>
    private const string SystemActor = "Dti.Api (system)";

    /// <summary>Loads a report with its content for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<Report> GetReportForUpdateAsync(this IApplicationDbContext db, ReportById reports, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var report = await reports.ReadAsync(id, cancellationToken)
            ?? throw new NotFoundException("Report", id.ToString());
        PreconditionFailedException.ThrowIfStale("Report", id.ToString(), report.Version, expectedVersion);
        return report;
    }

    /// <summary>
    /// A report the caller may read, or 404. The agency scope has let the caller reach the report's agency; readers and the
    /// ministry reach only reports accepted at least once (<see cref="SeesWorkOf"/>).
    /// </summary>
    public static async Task<Report> GetVisibleReportAsync(this IApplicationDbContext db, ReportById reports, ICurrentClient client, Guid id, CancellationToken cancellationToken)
    {
        var report = await reports.ReadAsync(id, cancellationToken);
        return report is not null && (report.AcceptedVersionNumber is not null || client.SeesWorkOf(report))
            ? report
            : throw new NotFoundException("Report", id.ToString());
    }

    /// <summary>
    /// Whether the caller sees a report's work in progress — drafts, submissions, returns and every version: the
    /// coordinator, the reporters of the report's own agency and, for a contribution, those of the lead agency it feeds.
    /// Readers and the ministry see accepted versions only.
    /// </summary>
    public static bool SeesWorkOf(this ICurrentClient client, Report report) =>
        client.IsCoordinator || (client.Roles.Contains(ClientRole.AgencyReporter)
            && (client.AgencyIds.Contains(report.AgencyId) || (report.ReviewingAgencyId is { } lead && client.AgencyIds.Contains(lead))));

    /// <summary>
    /// The reports a list may show the caller (on top of the agency filter): see <see cref="SeesWorkOf"/>. Others see a
    /// report once a version of it was accepted.
    /// </summary>
    public static IQueryable<Report> VisibleTo(this IQueryable<Report> reports, ICurrentClient client)
    {
        if (client.IsCoordinator)
        {
            return reports;
        }

        if (!client.Roles.Contains(ClientRole.AgencyReporter))
        {
            return reports.Where(r => r.AcceptedVersionNumber != null);
        }

        var own = client.AgencyIds.ToList();
        return reports.Where(r => r.AcceptedVersionNumber != null || own.Contains(r.AgencyId) || (r.ReviewingAgencyId != null && own.Contains(r.ReviewingAgencyId.Value)));
    }

    /// <summary>
    /// What the report may hold and by when: for a periodic report the obligation as <c>/obligations</c> computes it (the
    /// indices the agency leads under the plan, the last allowed instant); for a request, the indices and the date it
    /// asks. 422 when the obligation is gone (the plan closed, the indices reassigned). The framework is checked against
    /// <paramref name="stamps"/> when the caller read them with the calendar's.
    /// </summary>
    public static async Task<ReportTerms> TermsAsync(
        this IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, GoverningFrameworkSource frameworks, Report report, CancellationToken cancellationToken, ReferenceStamps? stamps = null)
    {
        if (report.ReportRequestId is { } requestId)
        {
            var framework = await frameworks.GetAsync(db, report.AssessmentYear, "assessmentYear", cancellationToken, stamps);
            var request = await db.ReportRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
            return new ReportTerms(AnswerableIndex.Of(framework, request.AskedIndexCodes), request.Deadline);
        }

        var period = ReportingPeriod(report.PeriodId!);
        return await db.PeriodicTermsAsync(config, calendar, frameworks, report.AgencyId, report.PlanId!.Value, report.DeadlineRuleId!.Value, period, cancellationToken, stamps)
            ?? throw NoObligation(period);
    }

    /// <summary>
    /// Every evidence id of the entries names evidence the reporting agency uploaded or linked (see
    /// <c>/agencies/{agencyId}/evidence</c>): another agency's documents, or ids that name nothing, are refused (422 naming
    /// <c>entries[i].evidenceIds</c>), and both look the same, so ids of other agencies' documents reveal nothing.
    /// </summary>
    public static async Task EnsureEvidenceOfAgencyAsync(
        this IApplicationDbContext db, Guid agencyId, IReadOnlyList<ReportEntryInput?> entries, CancellationToken cancellationToken)
    {
        var named = entries.SelectMany(e => e?.EvidenceIds ?? []).Distinct().ToList();
        if (named.Count == 0)
        {
            return;
        }

        var known = (await db.Evidence.AsNoTracking().Where(e => e.AgencyId == agencyId && named.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < entries.Count; i++)
        {
            var unknown = (entries[i]?.EvidenceIds ?? []).Where(id => !known.Contains(id)).Take(1).ToList();
            if (unknown.Count > 0)
            {
                throw new DomainException(
                    "report.unknown-evidence",
                    $"Evidence '{unknown[0]}' is not among the reporting agency's evidence: upload it (or add the link) under /agencies/{agencyId}/evidence first.",
                    $"entries[{i}].evidenceIds");
            }
        }
    }

    /// <summary>
    /// What the entries may cite as their sources: of the contributions they name, the versions submitted (awaiting review
    /// or accepted; not withdrawn or returned) of contributions made to <paramref name="report"/>'s agency for its assessment year, with the indices each answers. Anything else
    /// they name is absent, and the domain refuses it (422 naming <c>entries[i].sources[j]</c>).
    /// </summary>
    public static async Task<List<ContributionOffer>> ContributionOffersAsync(
        this IApplicationDbContext db, Report report, IReadOnlyList<ReportEntryInput?> entries, CancellationToken cancellationToken)
    {
        var named = entries.SelectMany(e => e?.Sources ?? []).Where(s => s is not null).Select(s => s.ReportId).Distinct().ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var contributions = db.Reports.Where(r => named.Contains(r.Id) && r.Kind == ReportKind.Contribution
            && r.ReviewingAgencyId == report.AgencyId && r.AssessmentYear == report.AssessmentYear);
        var versions = await db.ReportVersions.AsNoTracking()
            .Where(v => v.Outcome == ReportVersionOutcome.Accepted || v.Outcome == ReportVersionOutcome.Pending)
            .Join(contributions, v => v.ReportId, r => r.Id, (v, r) => new { v.ReportId, v.Number, r.AgencyId, v.Content })
            .ToListAsync(cancellationToken);
        return [.. versions.SelectMany(v => ReportDocument.FromJson(v.Content).Entries.Select(e => new ContributionOffer(v.ReportId, v.Number, v.AgencyId, e.IndexCode)))];
    }

    /// <summary>The periodic obligation a report answers (422 naming <c>periodId</c> when there is none).</summary>
    public static async Task<ObligationDto> ObligationOfAsync(
        this IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, Guid agencyId, Guid planId, Guid deadlineRuleId, string periodId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = ReportingPeriod(periodId);
        return await ObligationSchedule.FindAsync(db, config, calendar, agencyId, planId, deadlineRuleId, period, now, cancellationToken)
            ?? throw NoObligation(period);
    }

    private static DomainException NoObligation(Domain.Deadlines.ReportingPeriod period) => new(
        "report.no-obligation",
        $"The agency owes no report for period {period.Id} under this plan's reporting rule: the plan must be issued and report by the rule, the period must be one the plan asks for, and the agency must lead indices of the plan (see /obligations).",
        "periodId");

    /// <summary>
    /// Version <paramref name="number"/> of a report the caller reads, or 404 naming it; readers and the ministry reach
    /// accepted versions only.
    /// </summary>
    public static async Task<ReportVersion> GetVisibleVersionAsync(
        this IApplicationDbContext db, ICurrentClient client, Report report, int number, string field, CancellationToken cancellationToken)
    {
        var version = await db.ReportVersions.AsNoTracking().Include(v => v.IndexNotes)
            .SingleOrDefaultAsync(v => v.ReportId == report.Id && v.Number == number, cancellationToken);
        return version is not null && (version.Outcome == ReportVersionOutcome.Accepted || client.SeesWorkOf(report))
            ? version
            : throw new NotFoundException($"Version {number.ToString(CultureInfo.InvariantCulture)} ({field}) of report", report.Id.ToString());
    }

    /// <summary>A version as lists show it; whether it counts for timeliness is the report's to say.</summary>
    public static ReportVersionSummaryDto Summary(this ReportVersion version, Report report, TypeAdapterConfig config) =>
        version.Adapt<ReportVersionSummaryDto>(config) with { CountsForTimeliness = version.Number == report.CountedVersionNumber };

    /// <summary>Who is acting, as the versions record it.</summary>
    public static ReportActor Actor(this ICurrentClient client) => new(client.ClientId ?? SystemActor, client.Name ?? SystemActor);

    /// <summary>
    /// The report as <paramref name="client"/> may see it: as it stands for those who see its work
    /// (<see cref="SeesWorkOf"/>); for readers and the ministry, while a correction is under way, as it was last accepted —
    /// the accepted version's content, revision and review, in state Accepted.
    /// </summary>
    public static async Task<Versioned<ReportDto>> ToDtoForAsync(this IApplicationDbContext db, ICurrentClient client, Report report, TypeAdapterConfig config, CancellationToken cancellationToken)
    {
        if (report.State == ReportState.Accepted || client.SeesWorkOf(report) || report.AcceptedVersionNumber is not { } number)
        {
            return await db.ToDtoAsync(report, config, cancellationToken);
        }

        var accepted = await db.ReportVersions.AsNoTracking().Include(v => v.IndexNotes)
            .SingleAsync(v => v.ReportId == report.Id && v.Number == number, cancellationToken);
        var content = ReportDocument.FromJson(accepted.Content).Adapt<ReportContentDto>(config);
        var dto = report.Adapt<ReportDto>(config) with
        {
            State = ReportState.Accepted,
            AllowedActions = report.Lifecycle.AllowedFrom(ReportState.Accepted),
            Revision = accepted.Revision,
            Entries = content.Entries,
            Results = content.Results,
            Difficulties = content.Difficulties,
            Proposals = content.Proposals,
            Tasks = content.Tasks,
            LatestVersionNumber = number,
            LastReview = accepted.Adapt<ReportReviewDto>(config),
            UpdatedAt = accepted.ReviewedAt ?? accepted.SubmittedAt,
        };
        return new Versioned<ReportDto>(dto, report.Version);
    }

    /// <summary>The report as the API shows it, with what became of its latest version, and its version for the ETag.</summary>
    public static async Task<Versioned<ReportDto>> ToDtoAsync(this IApplicationDbContext db, Report report, TypeAdapterConfig config, CancellationToken cancellationToken) =>
        report.ToDto(
            await db.ReportVersions.AsNoTracking().Include(v => v.IndexNotes)
                .SingleOrDefaultAsync(v => v.ReportId == report.Id && v.Number == report.LatestVersionNumber, cancellationToken),
            config);

    /// <summary>
    /// The report as <see cref="ToDtoAsync"/> shows it, from the latest version the handler already holds (it has just frozen,
    /// withdrawn or accepted it), so that nothing is read again after the save.
    /// </summary>
    public static Versioned<ReportDto> ToDto(this Report report, ReportVersion? latest, TypeAdapterConfig config)
    {
        if (latest is not null && (latest.ReportId != report.Id || latest.Number != report.LatestVersionNumber))
        {
            throw new ArgumentException($"Version {latest.Number} is not report {report.Id}'s latest.", nameof(latest));
        }

        var dto = report.Adapt<ReportDto>(config) with
        {
            LastReview = latest is { Outcome: not ReportVersionOutcome.Pending } ? latest.Adapt<ReportReviewDto>(config) : null,
        };
        return new Versioned<ReportDto>(dto, report.Version);
    }

    private static Domain.Deadlines.ReportingPeriod ReportingPeriod(string periodId)
    {
        try
        {
            return Domain.Deadlines.ReportingPeriod.Parse(periodId);
        }
        catch (DomainException e)
        {
            throw new DomainException(e.Rule, e.Message, "periodId");
        }
    }
}
