using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Obligations;
using Dti.Domain.Calendar;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Plans;
using Dti.Domain.Reminders;
using Dti.Domain.Reports;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dti.Application.Reminders;

/// <summary>
/// Finds the obligations, requests and tasks that reached a reminder threshold and adds a <see cref="Reminder"/> for each
/// threshold not reminded of yet; the caller saves them (their events go to the outbox in the same save). Only subjects
/// due within [today − (M + 1) working days, today + N working days] are read, so a scan's work follows what falls due
/// around today, not the years of obligations stored.
/// </summary>
/// <remarks>
/// Thresholds are judged independently: due soon (due within N working days, not today), due today, overdue (the last
/// allowed instant has passed) and, for obligations, escalated (overdue by at least M working days, counted as a report
/// submitted now would be). A subject first seen overdue is not told it was due soon; one first seen after its
/// escalation day gets both overdue and escalated, which go to different audiences.
/// </remarks>
public sealed class ReminderScan(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config, IOptions<ReminderOptions> options)
{
    /// <summary>Adds the reminders due at <paramref name="now"/> to the context (unsaved); returns how many.</summary>
    public async Task<int> AddDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(now.ToOffset(VietnamClock.Offset).DateTime);
        var from = calendar.AddWorkingDays(today, -(settings.EscalateAfterWorkingDays + 1));
        var to = calendar.AddWorkingDays(today, settings.DueSoonWorkingDays);

        var candidates = new List<ReminderCandidate>();
        candidates.AddRange(await ObligationsAsync(calendar, from, to, now, cancellationToken));
        candidates.AddRange(await RequestAnswersAsync(from, to, cancellationToken));
        candidates.AddRange(await TasksAsync(from, to, cancellationToken));

        var raised = (await db.Reminders.AsNoTracking().Where(r => r.DueOn >= from && r.DueOn <= to)
            .Select(r => new { r.Subject, r.SubjectKey, r.Threshold }).ToListAsync(cancellationToken))
            .Select(r => (r.Subject, r.SubjectKey, r.Threshold))
            .ToHashSet();
        var added = 0;
        foreach (var candidate in candidates)
        {
            var late = ReportTimelinessRule.Judge(now, new ReportDeadline(candidate.DueOn), calendar).WorkingDaysLate;
            foreach (var threshold in Reached(candidate, today, now, late, calendar, settings))
            {
                if (raised.Add((candidate.Subject, candidate.Key, threshold)))
                {
                    db.Reminders.Add(Reminder.Record(candidate, threshold, late, now));
                    added++;
                }
            }
        }

        return added;
    }

    private static IEnumerable<ReminderThreshold> Reached(
        ReminderCandidate candidate, DateOnly today, DateTimeOffset now, int workingDaysLate, WorkingCalendar calendar, ReminderOptions settings)
    {
        if (now > candidate.DueAt)
        {
            yield return ReminderThreshold.Overdue;
            if (candidate.Subject == ReminderSubject.Obligation && workingDaysLate >= settings.EscalateAfterWorkingDays)
            {
                yield return ReminderThreshold.Escalated;
            }
        }
        else if (candidate.DueOn == today)
        {
            yield return ReminderThreshold.DueToday;
        }
        else if (candidate.DueOn > today && candidate.DueOn <= calendar.AddWorkingDays(today, settings.DueSoonWorkingDays))
        {
            yield return ReminderThreshold.DueSoon;
        }
    }

    /// <summary>Lead obligations in the window, computed as <c>/obligations</c> computes them, that no submitted report answers yet.</summary>
    private async Task<IEnumerable<ReminderCandidate>> ObligationsAsync(WorkingCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var obligations = await ObligationSchedule.ComputeAsync(db, config, calendar, new ObligationFilter(from, to, null, null, false), now, 0, cancellationToken);
        return obligations
            .Where(o => o.ReportStatus is ObligationReportStatus.NotStarted or ObligationReportStatus.Draft or ObligationReportStatus.Missing)
            .Select(o => new ReminderCandidate(ReminderSubject.Obligation, o.Plan.Id, o.Agency.Id, null, o.Plan.Id, o.Rule.Id, o.PeriodId, o.LastAllowedDay, o.LastAllowedInstant));
    }

    /// <summary>Each asked agency of a request due in the window that has not submitted its answer.</summary>
    private async Task<IEnumerable<ReminderCandidate>> RequestAnswersAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var asked = await db.ReportRequests.AsNoTracking()
            .Where(r => !r.IsSample && r.DueDate >= from && r.DueDate <= to)
            .SelectMany(r => r.AskedAgencies, (r, a) => new { r.Id, r.IssuerAgencyId, a.AgencyId, r.DueDate })
            .ToListAsync(cancellationToken);
        if (asked.Count == 0)
        {
            return [];
        }

        var requestIds = asked.Select(a => a.Id).Distinct().ToList();
        var answered = (await db.Reports.AsNoTracking()
            .Where(r => r.ReportRequestId != null && requestIds.Contains(r.ReportRequestId.Value) && (r.State != ReportState.Draft || r.CountedVersionNumber != null))
            .Select(r => new { RequestId = r.ReportRequestId!.Value, r.AgencyId })
            .ToListAsync(cancellationToken))
            .Select(r => (r.RequestId, r.AgencyId))
            .ToHashSet();
        return asked
            .Where(a => !answered.Contains((a.Id, a.AgencyId)))
            .Select(a => new ReminderCandidate(ReminderSubject.ReportRequest, a.Id, a.AgencyId, a.IssuerAgencyId, null, null, null, a.DueDate, DeadlineCalculator.EndOfDay(a.DueDate)));
    }

    /// <summary>Tasks of issued plans due in the window (a due month counts from its last day), neither done nor cancelled.</summary>
    private async Task<IEnumerable<ReminderCandidate>> TasksAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(t => t.DueDate >= from && t.DueDate <= to && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Cancelled
                && db.Plans.Any(p => p.Id == t.PlanId && p.Status == PlanStatus.Issued))
            .Select(t => new { t.Id, t.PlanId, t.LeadAgencyId, DueDate = t.DueDate!.Value })
            .ToListAsync(cancellationToken);
        return tasks.Select(t => new ReminderCandidate(ReminderSubject.Task, t.Id, t.LeadAgencyId, null, t.PlanId, null, null, t.DueDate, DeadlineCalculator.EndOfDay(t.DueDate)));
    }
}
