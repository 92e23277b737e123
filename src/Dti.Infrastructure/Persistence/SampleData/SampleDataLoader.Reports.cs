using System.Diagnostics;
using Dti.Domain.Agencies;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Evidence;
using Dti.Domain.Obligations;
using Dti.Domain.Plans;
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
    /// A periodic report holds the indices its agency leads under the plan and is judged against the last allowed day of the
    /// plan's rule for the period, as <c>/obligations</c> computes them; a request's report holds the indices the request
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
        var plan = await db.Plans.AsNoTracking().Include(p => p.ReportingRules)
            .SingleAsync(p => p.IssuerAgencyId == issuerId && p.DocumentNumber == subject.Plan.DocumentNumber, cancellationToken);
        var rule = await db.DeadlineRules.AsNoTracking().SingleOrDefaultAsync(r => r.Name == subject.RuleName, cancellationToken);
        var leads = await db.IndexAssignments.AsNoTracking()
            .Where(a => a.PlanId == plan.Id && a.LeadAgencyId == agency.Id)
            .Select(a => a.IndexCode)
            .ToListAsync(cancellationToken);
        var owed = rule is not null
            && plan.Status == PlanStatus.Issued
            && plan.ReportingRules.Any(r => r.DeadlineRuleId == rule.Id)
            && ObligationPeriods.AppliesTo(period, plan.IssueDate, plan.FirstAssessmentYear, plan.LastAssessmentYear)
            && leads.Count > 0;
        if (!owed)
        {
            NotOwed(logger, agency.ShortName, plan.DocumentNumber, period.Id);
            return null;
        }

        if (await AnswersAsync(agency.Id, Report.SubjectOf(plan.Id, rule!.Id, period.Id), cancellationToken))
        {
            return null;
        }

        var framework = await GoverningFrameworkAsync(period.Year, cancellationToken);
        var deadline = DeadlineCalculator.For(rule.ToRule(), period, calendar);
        return new Draft(
            Report.CreatePeriodic(agency.Id, plan.Id, rule.Id, period, isSample: true, started),
            AnswerableIndex.Of(framework, leads),
            new ReportDeadline(deadline.LastAllowedDay));
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
                    latest = report.Submit(draft.Answerable, draft.Deadline, await TaskStatesAsync(report, cancellationToken), calendar, reporter, submit.At);
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

    /// <summary>The agency's plan tasks as a submission captures them: under the report's plan, or (requests) under every issued plan of its year.</summary>
    private Task<List<TaskStateSpec>> TaskStatesAsync(Report report, CancellationToken cancellationToken)
    {
        var year = report.AssessmentYear;
        var plans = report.PlanId is { } planId
            ? db.Plans.Where(p => p.Id == planId)
            : db.Plans.Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year);
        var planIds = plans.Select(p => p.Id);
        return db.PlanTasks.AsNoTracking()
            .Where(t => t.LeadAgencyId == report.AgencyId && planIds.Contains(t.PlanId))
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .Take(ReportLimits.MaxTasks)
            .Select(t => new TaskStateSpec(t.Id, t.PlanId, t.Title, t.Status, t.ProgressPercent, t.DueDate, t.ProgressAsOf))
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample report of {Agency} under {Plan} for {Period} left out: the stored plan no longer owes it (see /obligations)")]
    private static partial void NotOwed(ILogger logger, string agency, string plan, string period);

    /// <summary>A new report with what it may hold and by when.</summary>
    private sealed record Draft(Report Report, IReadOnlyDictionary<string, AnswerableIndex> Answerable, ReportDeadline Deadline);
}
