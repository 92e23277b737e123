using Dti.Application.Common.Interfaces;
using Dti.Domain.Agencies;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Obligations;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Obligations;

/// <summary>What to compute obligations for.</summary>
/// <param name="From">First last-allowed day.</param>
/// <param name="To">Last last-allowed day.</param>
/// <param name="AgencyIds">Only these agencies; null for every agency.</param>
/// <param name="PlanId">Only this plan.</param>
/// <param name="IncludeCooperating">Also list cooperating agencies (role Cooperating); they report to the lead, not the coordinator.</param>
internal sealed record ObligationFilter(DateOnly From, DateOnly To, IReadOnlyCollection<Guid>? AgencyIds, Guid? PlanId, bool IncludeCooperating);

/// <summary>
/// Obligations = lead assignments × the plan's reporting rules × periods, for issued plans. Each rule's occurrences
/// are computed once per request and fanned out to every plan and agency that follows the rule.
/// </summary>
internal static class ObligationSchedule
{
    /// <summary>An annual report can fall due in the year after its period; rules are read that far back.</summary>
    private const int YearsOfLateDeadlines = 2;

    public static async Task<List<ObligationDto>> ComputeAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, ObligationFilter filter, DateTimeOffset now, int dueSoonWorkingDays, CancellationToken cancellationToken)
    {
        var plans = db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Issued
                && p.FirstAssessmentYear <= filter.To.Year
                && p.LastAssessmentYear >= filter.From.Year - YearsOfLateDeadlines);
        if (filter.PlanId is { } planId)
        {
            plans = plans.Where(p => p.Id == planId);
        }

        var planRows = await plans
            .Select(p => new { p.Id, p.DocumentNumber, p.IssueDate, p.FirstAssessmentYear, p.LastAssessmentYear })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var planIds = planRows.Keys.ToList();
        var planRules = (await plans.SelectMany(p => p.ReportingRules).Select(r => new { r.PlanId, r.DeadlineRuleId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PlanId, r => r.DeadlineRuleId);
        var holders = await HoldersAsync(db, planIds, filter, cancellationToken);
        if (holders.Count == 0)
        {
            return [];
        }

        var agencyIds = holders.Select(h => h.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id))
            .ProjectToType<ObligationAgencyDto>(config)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var ruleIds = holders.SelectMany(h => planRules[h.PlanId]).Distinct().ToList();
        var definitions = await db.DeadlineRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToListAsync(cancellationToken);

        // Once per rule, however many plans and agencies follow it.
        var occurrences = definitions.ToDictionary(d => d.Id, d => DeadlineCalculator.Occurrences(d.ToRule(), filter.From, filter.To, calendar));
        var rules = definitions.ToDictionary(d => d.Id, d => d.Adapt<ObligationRuleDto>(config));

        // One query for every report answering these obligations: no query per obligation.
        var leadAgencies = holders.Where(h => h.Role == HolderRole.Lead).Select(h => h.AgencyId).Distinct().ToList();
        var reports = (await db.Reports.AsNoTracking()
            .Where(r => r.Kind == ReportKind.Periodic && leadAgencies.Contains(r.AgencyId) && r.PlanId != null && planIds.Contains(r.PlanId.Value))
            .Select(r => new ReportStanding(r.Id, r.AgencyId, r.PlanId!.Value, r.DeadlineRuleId!.Value, r.PeriodId!, r.State, r.Revision, r.CountedVersionNumber))
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.AgencyId, r.PlanId, r.DeadlineRuleId, r.PeriodId));

        var result = new List<ObligationDto>();
        foreach (var planHolders in holders.GroupBy(h => h.PlanId))
        {
            var plan = planRows[planHolders.Key];
            var planDto = new ObligationPlanDto(plan.Id, plan.DocumentNumber);
            foreach (var ruleId in planRules[plan.Id])
            {
                foreach (var occurrence in occurrences[ruleId].Where(o => ObligationPeriods.AppliesTo(o.Period, plan.IssueDate, plan.FirstAssessmentYear, plan.LastAssessmentYear)))
                {
                    var status = StatusOf(occurrence, now, dueSoonWorkingDays, calendar);
                    result.AddRange(planHolders.Select(h =>
                    {
                        var report = h.Role == HolderRole.Lead ? reports.GetValueOrDefault((h.AgencyId, plan.Id, ruleId, occurrence.PeriodId)) : null;
                        return new ObligationDto(
                        agencies[h.AgencyId],
                        planDto,
                        rules[ruleId],
                        h.Role,
                        occurrence.PeriodId,
                        occurrence.DataWindow,
                        occurrence.NominalDate,
                        occurrence.LastAllowedDay,
                        occurrence.LastAllowedInstant,
                        status,
                        h.IndexCodes,
                        occurrence.Steps,
                        h.Role == HolderRole.Lead ? ReportStatusOf(report, status) : null,
                        report?.Id);
                    }));
                }
            }
        }

        return result
            .OrderBy(o => o.LastAllowedInstant)
            .ThenBy(o => o.Agency.Code, StringComparer.Ordinal)
            .ThenBy(o => o.Plan.DocumentNumber, StringComparer.Ordinal)
            .ThenBy(o => o.Rule.Name, StringComparer.Ordinal)
            .ThenBy(o => o.Role)
            .ToList();
    }

    /// <summary>
    /// The one obligation <paramref name="agencyId"/> has as lead under <paramref name="planId"/>'s rule
    /// <paramref name="deadlineRuleId"/> for <paramref name="period"/>, computed as <see cref="ComputeAsync"/> computes
    /// every obligation (issued plan, the rule among the plan's, the period owed, the agency leading indices); null when
    /// there is no such obligation.
    /// </summary>
    public static async Task<ObligationDto?> FindAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, Guid agencyId, Guid planId, Guid deadlineRuleId, ReportingPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = await db.DeadlineRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == deadlineRuleId, cancellationToken);
        if (definition is null || definition.Frequency != period.Kind)
        {
            return null;
        }

        var day = DeadlineCalculator.For(definition.ToRule(), period, calendar).LastAllowedDay;
        var owed = await ComputeAsync(db, config, calendar, new ObligationFilter(day, day, [agencyId], planId, false), now, 0, cancellationToken);
        return owed.FirstOrDefault(o => o.Rule.Id == deadlineRuleId && o.PeriodId == period.Id && o.Role == HolderRole.Lead);
    }

    /// <summary>Where the report answering a lead obligation stands (see <see cref="ObligationReportStatus"/>).</summary>
    private static ObligationReportStatus ReportStatusOf(ReportStanding? report, ObligationStatus deadline) => report switch
    {
        { State: ReportState.Accepted } or { Revision: > 1 } => ObligationReportStatus.Accepted,
        { State: ReportState.Submitted } => ObligationReportStatus.Submitted,
        { State: ReportState.Returned } or { CountedVersionNumber: not null } => ObligationReportStatus.Returned,
        _ when deadline == ObligationStatus.Overdue => ObligationReportStatus.Missing,
        null => ObligationReportStatus.NotStarted,
        _ => ObligationReportStatus.Draft,
    };

    private sealed record ReportStanding(Guid Id, Guid AgencyId, Guid PlanId, Guid DeadlineRuleId, string PeriodId, ReportState State, int Revision, int? CountedVersionNumber);

    /// <summary>
    /// Where an obligation stands. The one place its status is decided: when reports arrive (a later issue), a
    /// submitted report will turn this into fulfilled on time or late instead of the deadline-only status.
    /// </summary>
    private static ObligationStatus StatusOf(DeadlineOccurrence occurrence, DateTimeOffset now, int dueSoonWorkingDays, WorkingCalendar calendar) =>
        ObligationStatuses.Of(occurrence.LastAllowedInstant, now, dueSoonWorkingDays, calendar);

    /// <summary>Each agency's role in each plan with the indices it holds there (index codes in order).</summary>
    private static async Task<List<Holder>> HoldersAsync(IApplicationDbContext db, List<Guid> planIds, ObligationFilter filter, CancellationToken cancellationToken)
    {
        var assignments = db.IndexAssignments.AsNoTracking().Where(a => planIds.Contains(a.PlanId));
        var leads = filter.AgencyIds is { } only ? assignments.Where(a => only.Contains(a.LeadAgencyId)) : assignments;
        var rows = (await leads.Select(a => new { a.PlanId, a.IndexCode, a.LeadAgencyId }).ToListAsync(cancellationToken))
            .Select(r => (Index: new HeldIndex(r.PlanId, r.IndexCode, r.LeadAgencyId), Role: HolderRole.Lead))
            .ToList();
        if (filter.IncludeCooperating)
        {
            var cooperating = await assignments
                .SelectMany(a => a.Cooperators, (a, c) => new { a.PlanId, a.IndexCode, c.AgencyId })
                .ToListAsync(cancellationToken);
            rows.AddRange(cooperating
                .Where(r => filter.AgencyIds is null || filter.AgencyIds.Contains(r.AgencyId))
                .Select(r => (Index: new HeldIndex(r.PlanId, r.IndexCode, r.AgencyId), Role: HolderRole.Cooperating)));
        }

        return rows
            .GroupBy(r => (r.Index.PlanId, r.Index.AgencyId, r.Role))
            .Select(g => new Holder(g.Key.PlanId, g.Key.AgencyId, g.Key.Role, g.Select(r => r.Index.IndexCode).Order(IndexCodeOrder.Instance).ToList()))
            .ToList();
    }

    private sealed record HeldIndex(Guid PlanId, string IndexCode, Guid AgencyId);

    private sealed record Holder(Guid PlanId, Guid AgencyId, HolderRole Role, IReadOnlyList<string> IndexCodes);
}
