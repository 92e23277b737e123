using Dti.Application.Calendar;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Obligations;
using Dti.Domain.Agencies;
using Dti.Domain.Calendar;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Compliance;

/// <summary>What the compliance view is asked for: a range of days, and optionally one kind of agency or one agency.</summary>
internal sealed record ComplianceFilter(DateOnly? From, DateOnly? To, AgencyKind? AgencyKind, Guid? AgencyId)
{
    /// <summary>
    /// The range, ordered, inside the working calendar's years and at most <see cref="ComplianceLimits.MaxRangeDays"/> days:
    /// a 422 naming <c>from</c> or <c>to</c> otherwise (the validator has made sure both are given).
    /// </summary>
    public (DateOnly From, DateOnly To) Range()
    {
        var (from, to) = (From!.Value, To!.Value);
        if (from.Year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear)
        {
            throw new DomainException("compliance.range-years", $"'from' must lie in {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.", "from");
        }

        if (to.Year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear)
        {
            throw new DomainException("compliance.range-years", $"'to' must lie in {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.", "to");
        }

        if (from > to)
        {
            throw new DomainException("compliance.range-order", $"'from' ({from:yyyy-MM-dd}) must not be after 'to' ({to:yyyy-MM-dd}).", "from");
        }

        if (to.DayNumber - from.DayNumber + 1 > ComplianceLimits.MaxRangeDays)
        {
            throw new DomainException("compliance.range-length", $"The range may span at most {ComplianceLimits.MaxRangeDays} days.", "to");
        }

        return (from, to);
    }
}

/// <summary>
/// Each agency's record over a range — reports owed and how they came, tasks, indices led — who is behind first. Read in a
/// fixed number of statements whatever the number of agencies: the obligation schedule's, one for the reports that count,
/// one for the tasks (counted by the database), two for the assignments and targets, one for the accepted versions, one
/// for the agencies.
/// </summary>
internal static class ComplianceView
{
    public static async Task<(List<AgencyComplianceDto> Agencies, DateOnly From, DateOnly To, DateTimeOffset AsOf)> ComputeAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, IReadOnlyCollection<Guid>? visible, TimeProvider clock, ComplianceFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = filter.Range();
        if (filter.AgencyId is { } one)
        {
            // Another agency's id answers as a missing one does: the caller learns nothing of it.
            if ((visible is not null && !visible.Contains(one)) || !await db.Agencies.AnyAsync(a => a.Id == one, cancellationToken))
            {
                throw new NotFoundException("Agency", one.ToString());
            }

            visible = [one];
        }

        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var obligations = await ObligationsAsync(db, config, calendar, from, to, visible, now, cancellationToken);
        var tasks = await TasksAsync(db, from, to, visible, VietnamClock.Today(clock), cancellationToken);
        var indices = await IndicesAsync(db, from, to, visible, cancellationToken);

        var ids = obligations.Keys.Concat(tasks.Keys).Concat(indices.Keys).Concat(filter.AgencyId is { } asked ? new[] { asked } : []).Distinct().ToList();
        var agencies = db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id));
        if (filter.AgencyKind is { } kind)
        {
            agencies = agencies.Where(a => a.Kind == kind);
        }

        var listed = await agencies.ProjectToType<ComplianceAgencyDto>(config).ToListAsync(cancellationToken);
        var records = listed
            .Select(agency => new AgencyComplianceDto(
                agency,
                obligations.GetValueOrDefault(agency.Id)?.ToDto() ?? new ObligationTally().ToDto(),
                tasks.GetValueOrDefault(agency.Id) ?? new ComplianceTasksDto(0, 0, 0),
                indices.GetValueOrDefault(agency.Id) ?? []))
            .Order(ComplianceOrder.Instance)
            .ToList();
        return (records, from, to, now);
    }

    /// <summary>
    /// Per lead agency, its obligations with last allowed day in the range, each judged by the submission that counts for
    /// timeliness (the report's <c>countedTimeliness</c>, decided at submission against the same last allowed instant).
    /// </summary>
    private static async Task<Dictionary<Guid, ObligationTally>> ObligationsAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? visible, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = await ObligationSchedule.LeadsAsync(db, config, calendar, from, to, visible, now, cancellationToken);
        var tallies = new Dictionary<Guid, ObligationTally>();
        if (schedule.Slots.Count == 0)
        {
            return tallies;
        }

        var planIds = schedule.Slots.Select(s => s.Plan.Id).Distinct().ToList();
        var periodIds = schedule.Slots.Select(s => s.PeriodId).Distinct().ToList();
        var reports = db.Reports.AsNoTracking()
            .Where(r => r.Kind == ReportKind.Periodic && r.CountedTimeliness != null && r.PlanId != null && planIds.Contains(r.PlanId.Value) && periodIds.Contains(r.PeriodId!));
        if (visible is not null)
        {
            reports = reports.Where(r => visible.Contains(r.AgencyId));
        }

        var counted = (await reports
            .Select(r => new { r.AgencyId, PlanId = r.PlanId!.Value, RuleId = r.DeadlineRuleId!.Value, PeriodId = r.PeriodId!, Timeliness = r.CountedTimeliness!.Value })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.AgencyId, r.PlanId, r.RuleId, r.PeriodId), r => r.Timeliness);

        foreach (var slot in schedule.Slots)
        {
            foreach (var agency in schedule.LeadsOfPlan[slot.Plan.Id])
            {
                var tally = tallies.TryGetValue(agency, out var known) ? known : tallies[agency] = new ObligationTally();
                if (counted.TryGetValue((agency, slot.Plan.Id, slot.DeadlineRuleId, slot.PeriodId), out var timeliness))
                {
                    tally.Count(timeliness == ReportTimeliness.OnTime ? ObligationOutcome.OnTime : ObligationOutcome.Late);
                }
                else
                {
                    tally.Count(slot.LastAllowedInstant < now ? ObligationOutcome.Missing : ObligationOutcome.Pending);
                }
            }
        }

        return tallies;
    }

    /// <summary>Per lead agency, its tasks under issued plans due in the range, counted by the database; cancelled ones left out.</summary>
    private static async Task<Dictionary<Guid, ComplianceTasksDto>> TasksAsync(
        IApplicationDbContext db, DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? visible, DateOnly today, CancellationToken cancellationToken)
    {
        var issued = db.Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id);
        var tasks = db.PlanTasks.AsNoTracking()
            .Where(t => t.DueDate >= from && t.DueDate <= to && t.Status != PlanTaskStatus.Cancelled && issued.Contains(t.PlanId));
        if (visible is not null)
        {
            tasks = tasks.Where(t => visible.Contains(t.LeadAgencyId));
        }

        return await tasks
            .GroupBy(t => t.LeadAgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Done = g.Count(t => t.Status == PlanTaskStatus.Done),
                Open = g.Count(t => t.Status != PlanTaskStatus.Done && t.DueDate >= today),
                Overdue = g.Count(t => t.Status != PlanTaskStatus.Done && t.DueDate < today),
            })
            .ToDictionaryAsync(g => g.AgencyId, g => new ComplianceTasksDto(g.Done, g.Open, g.Overdue), cancellationToken);
    }

    /// <summary>
    /// Per lead agency, the indices it leads under issued plans covering the range's years, each with its target (the
    /// assignment's, else the plan's for the main index) and the latest value an accepted version of the agency's reports
    /// (periodic or ad hoc, assessment year in the range) gives it. Accepted versions are read once, as they were frozen, so a
    /// report being corrected keeps its accepted value.
    /// </summary>
    private static async Task<Dictionary<Guid, List<LedIndexDto>>> IndicesAsync(
        IApplicationDbContext db, DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? visible, CancellationToken cancellationToken)
    {
        var plans = db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= to.Year && p.LastAssessmentYear >= from.Year);
        var assignments = db.IndexAssignments.AsNoTracking().Where(a => plans.Select(p => p.Id).Contains(a.PlanId));
        if (visible is not null)
        {
            assignments = assignments.Where(a => visible.Contains(a.LeadAgencyId));
        }

        var led = await assignments
            .Join(plans, a => a.PlanId, p => p.Id, (a, p) => new { a.LeadAgencyId, a.IndexCode, a.TargetValue, p.Id, p.DocumentNumber })
            .ToListAsync(cancellationToken);
        if (led.Count == 0)
        {
            return [];
        }

        var planTargets = (await plans
            .SelectMany(p => p.IndexTargets, (p, t) => new { PlanId = p.Id, t.MainIndexCode, t.TargetValue })
            .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.PlanId, t.MainIndexCode), t => t.TargetValue);

        var reports = db.Reports.Where(r => r.Kind != ReportKind.Contribution && r.AssessmentYear >= from.Year && r.AssessmentYear <= to.Year);
        if (visible is not null)
        {
            reports = reports.Where(r => visible.Contains(r.AgencyId));
        }

        var accepted = await db.ReportVersions.AsNoTracking()
            .Where(v => v.Outcome == ReportVersionOutcome.Accepted && reports.Select(r => r.Id).Contains(v.ReportId))
            .Select(v => new { v.Content, AcceptedAt = v.ReviewedAt!.Value })
            .ToListAsync(cancellationToken);
        var latest = new Dictionary<(Guid AgencyId, string IndexCode), (decimal Value, DateTimeOffset At)>();
        foreach (var version in accepted)
        {
            var document = ReportDocument.FromJson(version.Content);
            foreach (var entry in document.Entries.Where(e => e.NumericValue is not null))
            {
                var key = (document.AgencyId, entry.IndexCode);
                if (!latest.TryGetValue(key, out var known) || version.AcceptedAt > known.At)
                {
                    latest[key] = (entry.NumericValue!.Value, version.AcceptedAt);
                }
            }
        }

        return led
            .GroupBy(a => a.LeadAgencyId)
            .ToDictionary(g => g.Key, g => g
                .OrderBy(a => a.IndexCode, IndexCodeOrder.Instance).ThenBy(a => a.DocumentNumber, StringComparer.Ordinal)
                .Take(ComplianceLimits.MaxIndicesPerAgency)
                .Select(a =>
                {
                    var value = latest.TryGetValue((a.LeadAgencyId, a.IndexCode), out var found) ? found : ((decimal Value, DateTimeOffset At)?)null;
                    return new LedIndexDto(
                        a.IndexCode,
                        new ObligationPlanDto(a.Id, a.DocumentNumber),
                        a.TargetValue ?? planTargets.GetValueOrDefault((a.Id, a.IndexCode)),
                        value?.Value,
                        value?.At);
                })
                .ToList());
    }

    private enum ObligationOutcome
    {
        OnTime,
        Late,
        Missing,
        Pending,
    }

    /// <summary>One agency's obligations as they are counted.</summary>
    private sealed class ObligationTally
    {
        private readonly int[] _counts = new int[4];

        public void Count(ObligationOutcome outcome) => _counts[(int)outcome]++;

        public ComplianceObligationsDto ToDto()
        {
            var (onTime, late, missing, pending) = (_counts[0], _counts[1], _counts[2], _counts[3]);
            var due = onTime + late + missing + pending;
            return new ComplianceObligationsDto(due, onTime, late, missing, pending, due == 0 ? null : Math.Round((decimal)onTime / due, 4, MidpointRounding.AwayFromZero));
        }
    }
}

/// <summary>
/// Who is behind comes first: most missing reports, then most late, then the lowest on-time rate (an agency with nothing
/// due after every rate), then most overdue tasks, then by full name and code (ordinal, so every instance sorts alike).
/// </summary>
internal sealed class ComplianceOrder : IComparer<AgencyComplianceDto>
{
    public static readonly ComplianceOrder Instance = new();

    public int Compare(AgencyComplianceDto? x, AgencyComplianceDto? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var order = y.Obligations.Missing.CompareTo(x.Obligations.Missing);
        order = order != 0 ? order : y.Obligations.Late.CompareTo(x.Obligations.Late);
        order = order != 0 ? order : (x.Obligations.OnTimeRate ?? 2m).CompareTo(y.Obligations.OnTimeRate ?? 2m);
        order = order != 0 ? order : y.Tasks.Overdue.CompareTo(x.Tasks.Overdue);
        order = order != 0 ? order : string.CompareOrdinal(x.Agency.FullName, y.Agency.FullName);
        return order != 0 ? order : string.CompareOrdinal(x.Agency.Code, y.Agency.Code);
    }
}
