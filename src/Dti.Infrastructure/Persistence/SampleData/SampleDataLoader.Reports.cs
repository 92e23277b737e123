using System.Diagnostics;
using Dti.Application.Reports;
using Dti.Domain.Agencies;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Evidence;
using Dti.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dti.Infrastructure.Persistence.SampleData;

/// <summary>
/// The sample reports, played step by step through the methods the API's handlers call, at the instants the samples give:
/// their states, versions, content hashes and timeliness are what the API would have produced at those instants.
/// </summary>
public sealed partial class SampleDataLoader
{
    /// <summary>
    /// Adds the sample reports not stored yet (an agency answers an obligation or a request once, so that is their key).
    /// A periodic report holds the indices its agency leads under the plan and is judged against the last allowed instant of
    /// the plan's rule for the period, both from the obligation lookup <c>/obligations</c> and submissions use; a request's report holds the indices the request
    /// asks and is judged against its date. A report whose obligation the stored data no longer owes (rules or assignments
    /// changed since the plan was loaded) is left out with a warning.
    /// </summary>
    private async Task<int> LoadReportsAsync(IReadOnlyDictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var added = 0;
        foreach (var sample in SampleReports.All)
        {
            var agency = agencies[sample.AgencyKey];
            var started = sample.Steps[0].At;
            var draft = sample.Subject switch
            {
                SampleSubject.Periodic periodic => await PeriodicDraftAsync(periodic, agencies, agency, calendar, started, cancellationToken),
                SampleSubject.Requested requested => await RequestedDraftAsync(requested.Request, agencies, agency, calendar, started, cancellationToken),
                _ => throw new UnreachableException(),
            };
            if (draft is not null)
            {
                await PlayAsync(sample, draft, agencies, calendar, cancellationToken);
                added++;
            }
        }

        return added;
    }

    private async Task<Draft?> PeriodicDraftAsync(
        SampleSubject.Periodic subject, IReadOnlyDictionary<string, Agency> agencies, Agency agency, WorkingCalendar calendar, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var issuerId = agencies[subject.Plan.IssuerKey].Id;
        var period = ReportingPeriod.Parse(subject.PeriodId);
        var plan = await db.Plans.AsNoTracking()
            .SingleAsync(p => p.IssuerAgencyId == issuerId && p.DocumentNumber == subject.Plan.DocumentNumber, cancellationToken);
        var ruleId = await db.DeadlineRules.Where(r => r.Name == subject.RuleName).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var terms = ruleId is { } id
            ? await db.PeriodicTermsAsync(mappings, calendar, frameworks, agency.Id, plan.Id, id, period, cancellationToken)
            : null;
        if (terms is null)
        {
            NotOwed(logger, agency.ShortName, plan.DocumentNumber, period.Id);
            return null;
        }

        if (await AnswersAsync(agency.Id, Report.SubjectOf(plan.Id, ruleId!.Value, period.Id), cancellationToken))
        {
            return null;
        }

        return new Draft(Report.CreatePeriodic(agency.Id, plan.Id, ruleId.Value, period, isSample: true, started), terms.Answerable, terms.Deadline);
    }

    private async Task<Draft?> RequestedDraftAsync(
        SampleRequest sample, IReadOnlyDictionary<string, Agency> agencies, Agency agency, WorkingCalendar calendar, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var issuerId = agencies[sample.IssuerKey].Id;
        var request = await db.ReportRequests.AsNoTracking().Include(r => r.AskedAgencies).Include(r => r.AskedIndices)
            .SingleOrDefaultAsync(r => r.IssuerAgencyId == issuerId && r.Topic == sample.Topic, cancellationToken);
        if (request is null)
        {
            var spec = new ReportRequestSpec(
                ReportRequestKind.AdHoc,
                issuerId,
                sample.Topic,
                sample.AssessmentYear,
                DateOnly.FromDateTime(sample.IssuedAt.DateTime),
                sample.DueDate,
                null,
                [.. sample.AskedAgencyKeys.Select(k => agencies[k].Id)],
                sample.IndexCodes,
                IsSample: true);
            request = ReportRequest.Issue(spec, calendar, sample.IssuedAt);
            db.ReportRequests.Add(request);
        }
        else if (await AnswersAsync(agency.Id, Report.SubjectOf(request.Id), cancellationToken))
        {
            return null;
        }

        var framework = await GoverningFrameworkAsync(request.AssessmentYear, cancellationToken);
        return new Draft(Report.CreateFor(request, agency.Id, isSample: true, started), AnswerableIndex.Of(framework, request.AskedIndexCodes), request.Deadline);
    }

    private Task<bool> AnswersAsync(Guid agencyId, string subjectKey, CancellationToken cancellationToken) =>
        db.Reports.AnyAsync(r => r.AgencyId == agencyId && r.SubjectKey == subjectKey, cancellationToken);

    /// <summary>Takes the report through its steps: writes by its agency's reporter, reviews by the reviewer the sample names.</summary>
    private async Task PlayAsync(SampleReport sample, Draft draft, IReadOnlyDictionary<string, Agency> agencies, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var report = draft.Report;
        var reporter = new ReportActor($"sample:{sample.AgencyKey}", $"Người báo cáo, {agencies[sample.AgencyKey].ShortName} (minh họa)");
        var reviewer = new ReportActor($"sample:{sample.ReviewerKey}", $"Người thẩm định, {agencies[sample.ReviewerKey].ShortName} (minh họa)");
        var links = new Dictionary<string, Guid>(StringComparer.Ordinal);
        ReportVersion? latest = null;
        foreach (var step in sample.Steps)
        {
            switch (step)
            {
                case SampleStep.Write write:
                    report.ReplaceContent(ContentOf(write, report.AgencyId, links), draft.Answerable, write.At);
                    break;
                case SampleStep.Submit submit:
                    latest = report.Submit(draft.Answerable, draft.Deadline, await db.TaskStatesAsync(report, cancellationToken), calendar, reporter, submit.At);
                    db.ReportVersions.Add(latest);
                    break;
                case SampleStep.Return sentBack:
                    report.Return(latest, reviewer, sentBack.Reason, sentBack.IndexNotes, sentBack.At);
                    break;
                case SampleStep.Accept accept:
                    report.Accept(latest, reviewer, accept.At);
                    break;
            }
        }

        db.Reports.Add(report);
    }

    /// <summary>The content as the agency would PUT it, its evidence links added to the agency's evidence first (once each).</summary>
    private ReportContentSpec ContentOf(SampleStep.Write write, Guid agencyId, Dictionary<string, Guid> links)
    {
        Guid LinkId(SampleLink link)
        {
            if (!links.TryGetValue(link.Url, out var id))
            {
                var item = EvidenceItem.Link(agencyId, link.Url, link.Description, null, null, write.At);
                db.Evidence.Add(item);
                links[link.Url] = id = item.Id;
            }

            return id;
        }

        var entries = write.Content.Entries
            .Select(e => new ReportEntrySpec(e.IndexCode, e.Value, null, null, e.Score, e.Note, e.AsOf, [.. e.Evidence.Select(LinkId)], e.Explanation))
            .ToList();
        return new ReportContentSpec(entries, write.Content.Results, write.Content.Difficulties, write.Content.Proposals);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample report of {Agency} under {Plan} for {Period} left out: the stored plan no longer owes it (see /obligations)")]
    private static partial void NotOwed(ILogger logger, string agency, string plan, string period);

    /// <summary>A new report with what it may hold and by when.</summary>
    private sealed record Draft(Report Report, IReadOnlyDictionary<string, AnswerableIndex> Answerable, ReportDeadline Deadline);
}
