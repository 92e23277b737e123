using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
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
/// are computed once per request and fanned out to every plan and agency that follows the rule. A page is found without
/// building every obligation: the count is a sum over (plan, rule, period) slots of the plan's holders, and only the
/// slots sharing the page's last allowed instants are expanded, sorted and turned into DTOs.
/// </summary>
internal static class ObligationSchedule
{
    /// <summary>An annual report can fall due in the year after its period; rules are read that far back.</summary>
    private const int YearsOfLateDeadlines = 2;

    /// <summary>Every obligation matching <paramref name="filter"/>, in the order of <see cref="Schedule.Ordered"/>.</summary>
    public static async Task<List<ObligationDto>> ComputeAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, ObligationFilter filter, DateTimeOffset now, int dueSoonWorkingDays, CancellationToken cancellationToken)
    {
        var schedule = await ReadAsync(db, config, calendar, filter, null, now, dueSoonWorkingDays, cancellationToken);
        return await schedule.ToDtosAsync(db, schedule.Ordered(0, int.MaxValue), cancellationToken);
    }

    /// <summary>One page of the obligations matching <paramref name="filter"/> (and <paramref name="status"/>), counted without building the others.</summary>
    public static async Task<PagedList<ObligationDto>> PageAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, ObligationFilter filter, ObligationStatus? status, DateTimeOffset now, int dueSoonWorkingDays, PageRequest paging, CancellationToken cancellationToken)
    {
        var schedule = await ReadAsync(db, config, calendar, filter, status, now, dueSoonWorkingDays, cancellationToken);
        var items = await schedule.ToDtosAsync(db, schedule.Ordered(paging.Offset, paging.PageSize), cancellationToken);
        return new PagedList<ObligationDto>(items, paging.Page, paging.PageSize, schedule.Count);
    }

    /// <summary>
    /// The lead obligations whose last allowed day is in [<paramref name="from"/>, <paramref name="to"/>], as the slots of each
    /// plan and the lead agencies each plan fans them out to: what <see cref="ComputeAsync"/> would list, counted per agency
    /// without building one object per obligation (the compliance view ranks every agency of a province).
    /// </summary>
    public static async Task<LeadSchedule> LeadsAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? agencyIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = await ReadAsync(db, config, calendar, new ObligationFilter(from, to, agencyIds, null, IncludeCooperating: false), null, now, 0, cancellationToken);
        return schedule.Leads();
    }

    /// <summary>
    /// The slots and holders of the obligations matching <paramref name="filter"/>. Given <paramref name="onlyRule"/> (a lead
    /// lookup: see <see cref="FindLeadAsync"/>), the plan's rule and the lead it read with the rule stand for the plans and
    /// the holders, only that rule's slots are read, and the agencies' names (which only listings show and sort by) are
    /// not read: such a schedule is searched with <see cref="Schedule.LeadOf"/>, never listed.
    /// </summary>
    private static async Task<Schedule> ReadAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, ObligationFilter filter, ObligationStatus? status, DateTimeOffset now, int dueSoonWorkingDays, CancellationToken cancellationToken, LeadLookup? onlyRule = null)
    {
        var planRules = onlyRule is { PlanRule: var only } ? [only] : await PlanRulesAsync(db, filter, cancellationToken);
        var planIds = planRules.Select(r => r.PlanId).Distinct().ToList();
        var holders = onlyRule is { Holders: var known } ? known : planIds.Count == 0 ? [] : await HoldersAsync(db, planIds, filter, cancellationToken);
        if (holders.Count == 0)
        {
            return new Schedule([], [], []);
        }

        var agencyIds = holders.Select(h => h.AgencyId).Distinct().ToList();
        var agencies = onlyRule is not null ? [] : await db.Agencies.Where(a => agencyIds.Contains(a.Id))
            .ProjectToType<ObligationAgencyDto>(config)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var rulesOfPlan = planRules.ToLookup(r => r.PlanId);
        var ruleIds = holders.SelectMany(h => rulesOfPlan[h.PlanId]).Select(r => r.DeadlineRuleId).Distinct().ToList();
        var definitions = onlyRule is { Definition: var definition } ? [definition] : await db.DeadlineRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToListAsync(cancellationToken);

        // Once per rule, however many plans and agencies follow it; a status depends on the instant alone, so it is decided per slot.
        var occurrences = definitions.ToDictionary(d => d.Id, d => DeadlineCalculator.Occurrences(d.ToRule(), filter.From, filter.To, calendar));
        var rules = definitions.ToDictionary(d => d.Id, d => d.Adapt<ObligationRuleDto>(config));
        var slots = new List<Slot>();
        var holdersOfPlan = new Dictionary<Guid, List<Holder>>();
        foreach (var planHolders in holders.GroupBy(h => h.PlanId))
        {
            holdersOfPlan[planHolders.Key] = [.. planHolders];
            var plan = rulesOfPlan[planHolders.Key].First();
            var planDto = new ObligationPlanDto(plan.PlanId, plan.DocumentNumber);
            foreach (var ruleId in rulesOfPlan[plan.PlanId].Select(r => r.DeadlineRuleId))
            {
                slots.AddRange(occurrences[ruleId]
                    .Where(o => ObligationPeriods.AppliesTo(o.Period, plan.IssueDate, plan.FirstAssessmentYear, plan.LastAssessmentYear))
                    .Select(o => new Slot(planDto, rules[ruleId], o, StatusOf(o, now, dueSoonWorkingDays, calendar)))
                    .Where(slot => status is null || slot.Status == status));
            }
        }

        return new Schedule(slots, holdersOfPlan, agencies);
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

    /// <summary>
    /// What a report answering the lead obligation <see cref="FindAsync"/> finds needs of it: the indices the agency leads
    /// under the plan and the last allowed instant. Read as every obligation is (the same plans, holders, rule and calendar,
    /// so a report's deadline is the one <c>/obligations</c> shows) but in one statement instead of six: the plan, its
    /// rule and the indices the agency leads under it together, without the agencies' names and the reports' standing,
    /// which only a listing shows.
    /// </summary>
    public static async Task<LeadObligation?> FindLeadAsync(
        IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, Guid agencyId, Guid planId, Guid deadlineRuleId, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var rows = new List<LeadRow>();
        var context = (DbContext)db;
        await foreach (var row in LeadRows.For(context)(context, planId, deadlineRuleId, agencyId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0 || rows[0].Definition.Frequency != period.Kind)
        {
            return null;
        }

        var found = rows[0];
        var day = DeadlineCalculator.For(found.Definition.ToRule(), period, calendar).LastAllowedDay;
        var filter = new ObligationFilter(day, day, [agencyId], planId, false);
        var planRule = new PlanRule(planId, found.DocumentNumber, found.IssueDate, found.FirstAssessmentYear, found.LastAssessmentYear, deadlineRuleId);
        if (!Covers(planRule, filter))
        {
            return null;
        }

        var codes = rows.Select(r => r.IndexCode).OfType<string>().Order(IndexCodeOrder.Instance).ToList();
        List<Holder> holders = codes.Count == 0 ? [] : [new Holder(planId, agencyId, HolderRole.Lead, codes)];

        // No status filter, so the instant a slot's status is judged at changes nothing here.
        var schedule = await ReadAsync(db, config, calendar, filter, null, DateTimeOffset.MinValue, 0, cancellationToken, new LeadLookup(planRule, found.Definition, holders));
        return schedule.LeadOf(agencyId, period.Id);
    }

    /// <summary>
    /// <see cref="FindLeadAsync"/>'s statement: the plan, if issued, with the rule, if the plan reports by it, and one row per
    /// index the agency leads under the plan (one row without an index when it leads none); the plan's rule is one row at
    /// most, so nothing multiplies. Compiled: every submission and edit of a periodic report reads it.
    /// </summary>
    private static readonly CompiledPerModel<Func<DbContext, Guid, Guid, Guid, IAsyncEnumerable<LeadRow>>> LeadRows = new(() => EF.CompileAsyncQuery(
        (DbContext context, Guid planId, Guid deadlineRuleId, Guid agencyId) =>
            from p in context.Set<Plan>().AsNoTracking()
            where p.Id == planId && p.Status == PlanStatus.Issued
            from r in p.ReportingRules
            where r.DeadlineRuleId == deadlineRuleId
            join d in context.Set<DeadlineRuleDefinition>().AsNoTracking() on r.DeadlineRuleId equals d.Id
            from a in context.Set<IndexAssignment>().Where(a => a.PlanId == p.Id && a.LeadAgencyId == agencyId).DefaultIfEmpty()
            select new LeadRow(p.DocumentNumber, p.IssueDate, p.FirstAssessmentYear, p.LastAssessmentYear, d, a == null ? null : a.IndexCode)));

    /// <summary>The issued plans matching <paramref name="filter"/> with their rules, in one statement; a plan without rules owes nothing, so the inner join loses nothing.</summary>
    private static async Task<List<PlanRule>> PlanRulesAsync(IApplicationDbContext db, ObligationFilter filter, CancellationToken cancellationToken)
    {
        var plans = db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Issued
                && p.FirstAssessmentYear <= filter.To.Year
                && p.LastAssessmentYear >= filter.From.Year - YearsOfLateDeadlines);
        if (filter.PlanId is { } planId)
        {
            plans = plans.Where(p => p.Id == planId);
        }

        return await plans
            .SelectMany(p => p.ReportingRules, (p, r) => new PlanRule(p.Id, p.DocumentNumber, p.IssueDate, p.FirstAssessmentYear, p.LastAssessmentYear, r.DeadlineRuleId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether a plan's years reach the obligations of <paramref name="filter"/>, as <see cref="PlanRulesAsync"/> selects them.</summary>
    private static bool Covers(PlanRule plan, ObligationFilter filter) =>
        plan.FirstAssessmentYear <= filter.To.Year && plan.LastAssessmentYear >= filter.From.Year - YearsOfLateDeadlines;

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

    /// <summary>One row of <see cref="LeadRows"/>: the plan, the rule's definition, and one index the agency leads (null when none).</summary>
    private sealed record LeadRow(string DocumentNumber, DateOnly IssueDate, int FirstAssessmentYear, int LastAssessmentYear, DeadlineRuleDefinition Definition, string? IndexCode);

    /// <summary>What a lead lookup read in its one statement: the plan's rule, its definition and the lead (none when it leads nothing).</summary>
    private sealed record LeadLookup(PlanRule PlanRule, DeadlineRuleDefinition Definition, List<Holder> Holders);

    private sealed record PlanRule(Guid PlanId, string DocumentNumber, DateOnly IssueDate, int FirstAssessmentYear, int LastAssessmentYear, Guid DeadlineRuleId);

    /// <summary>A plan's rule for one period: every holder of the plan owes it.</summary>
    private sealed record Slot(ObligationPlanDto Plan, ObligationRuleDto Rule, DeadlineOccurrence Occurrence, ObligationStatus Status);

    private readonly record struct Row(Slot Slot, Holder Holder);

    /// <summary>The slots of a request in the order they were read (plan, rule, period) and the holders each plan fans them out to.</summary>
    private sealed class Schedule(List<Slot> slots, Dictionary<Guid, List<Holder>> holders, Dictionary<Guid, ObligationAgencyDto> agencies)
    {
        /// <summary>How many obligations there are: each slot once per holder of its plan.</summary>
        public int Count { get; } = slots.Sum(s => holders[s.Plan.Id].Count);

        /// <summary>
        /// <paramref name="take"/> obligations after the first <paramref name="skip"/>, by last allowed instant, agency code,
        /// plan, rule and role (ties in the order read). Slots are grouped by instant, so a group before the page is only
        /// counted, and expanding stops with the group that fills the page.
        /// </summary>
        public List<Row> Ordered(int skip, int take)
        {
            var page = new List<Row>();
            var passed = 0;
            foreach (var sameInstant in slots.GroupBy(s => s.Occurrence.LastAllowedInstant).OrderBy(g => g.Key))
            {
                var size = sameInstant.Sum(s => holders[s.Plan.Id].Count);
                if (passed + size > skip)
                {
                    page.AddRange(sameInstant
                        .SelectMany(s => holders[s.Plan.Id], (s, h) => new Row(s, h))
                        .OrderBy(r => agencies[r.Holder.AgencyId].Code, StringComparer.Ordinal)
                        .ThenBy(r => r.Slot.Plan.DocumentNumber, StringComparer.Ordinal)
                        .ThenBy(r => r.Slot.Rule.Name, StringComparer.Ordinal)
                        .ThenBy(r => r.Holder.Role)
                        .Skip(Math.Max(0, skip - passed))
                        .Take(take - page.Count));
                }

                passed += size;
                if (page.Count >= take)
                {
                    break;
                }
            }

            return page;
        }

        /// <summary>The lead obligation of <paramref name="agencyId"/> for <paramref name="periodId"/> among the slots read, if any.</summary>
        public LeadObligation? LeadOf(Guid agencyId, string periodId) => slots
            .Where(s => s.Occurrence.PeriodId == periodId)
            .SelectMany(s => holders[s.Plan.Id].Where(h => h.AgencyId == agencyId && h.Role == HolderRole.Lead), (s, h) => new LeadObligation(h.IndexCodes, s.Occurrence.LastAllowedInstant))
            .FirstOrDefault();

        /// <summary>The slots and, per plan, its lead agencies: each slot is owed once by each of them.</summary>
        public LeadSchedule Leads() => new(
            [.. slots.Select(s => new OwedSlot(s.Plan, s.Rule.Id, s.Occurrence.PeriodId, s.Occurrence.LastAllowedInstant))],
            holders.ToDictionary(h => h.Key, h => (IReadOnlyList<Guid>)[.. h.Value.Where(x => x.Role == HolderRole.Lead).Select(x => x.AgencyId)]));

        /// <summary>The obligations of <paramref name="rows"/>, with the reports answering them read in one query.</summary>
        public async Task<List<ObligationDto>> ToDtosAsync(IApplicationDbContext db, List<Row> rows, CancellationToken cancellationToken)
        {
            var leads = rows.Where(r => r.Holder.Role == HolderRole.Lead).ToList();
            var reports = leads.Count == 0 ? [] : await ReportsAsync(db, leads, cancellationToken);
            return rows.ConvertAll(row =>
            {
                var (slot, holder) = row;
                var occurrence = slot.Occurrence;
                var report = holder.Role == HolderRole.Lead ? reports.GetValueOrDefault((holder.AgencyId, slot.Plan.Id, slot.Rule.Id, occurrence.PeriodId)) : null;
                return new ObligationDto(
                    agencies[holder.AgencyId],
                    slot.Plan,
                    slot.Rule,
                    holder.Role,
                    occurrence.PeriodId,
                    occurrence.DataWindow,
                    occurrence.NominalDate,
                    occurrence.LastAllowedDay,
                    occurrence.LastAllowedInstant,
                    slot.Status,
                    holder.IndexCodes,
                    occurrence.Steps,
                    holder.Role == HolderRole.Lead ? ReportStatusOf(report, slot.Status) : null,
                    report?.Id);
            });
        }

        /// <summary>The periodic reports of these lead obligations' agencies, plans and periods: bounded by the rows asked for, not by every obligation.</summary>
        private static async Task<Dictionary<(Guid AgencyId, Guid PlanId, Guid DeadlineRuleId, string PeriodId), ReportStanding>> ReportsAsync(
            IApplicationDbContext db, List<Row> leads, CancellationToken cancellationToken)
        {
            var agencyIds = leads.Select(r => r.Holder.AgencyId).Distinct().ToList();
            var planIds = leads.Select(r => r.Slot.Plan.Id).Distinct().ToList();
            var periodIds = leads.Select(r => r.Slot.Occurrence.PeriodId).Distinct().ToList();
            return (await db.Reports.AsNoTracking()
                .Where(r => r.Kind == ReportKind.Periodic && agencyIds.Contains(r.AgencyId) && r.PlanId != null && planIds.Contains(r.PlanId.Value) && periodIds.Contains(r.PeriodId!))
                .Select(r => new ReportStanding(r.Id, r.AgencyId, r.PlanId!.Value, r.DeadlineRuleId!.Value, r.PeriodId!, r.State, r.Revision, r.CountedVersionNumber))
                .ToListAsync(cancellationToken))
                .ToDictionary(r => (r.AgencyId, r.PlanId, r.DeadlineRuleId, r.PeriodId));
        }
    }

    private sealed record Holder(Guid PlanId, Guid AgencyId, HolderRole Role, IReadOnlyList<string> IndexCodes);
}

/// <summary>A plan's reporting rule for one period, owed by every lead agency of the plan.</summary>
/// <param name="Plan">The issued plan.</param>
/// <param name="DeadlineRuleId">The plan's reporting rule.</param>
/// <param name="PeriodId">The period reported on.</param>
/// <param name="LastAllowedInstant">The end of the last allowed day, as <c>/obligations</c> computes it.</param>
internal sealed record OwedSlot(ObligationPlanDto Plan, Guid DeadlineRuleId, string PeriodId, DateTimeOffset LastAllowedInstant);

/// <summary>Lead obligations in a range, not expanded: <see cref="Slots"/> × <see cref="LeadsOfPlan"/> of the slot's plan.</summary>
internal sealed record LeadSchedule(IReadOnlyList<OwedSlot> Slots, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> LeadsOfPlan);

/// <summary>What a report needs of the lead obligation it answers.</summary>
/// <param name="IndexCodes">The indices the agency leads under the plan, in order.</param>
/// <param name="LastAllowedInstant">The end of the last allowed day, as <c>/obligations</c> computes it.</param>
internal sealed record LeadObligation(IReadOnlyList<string> IndexCodes, DateTimeOffset LastAllowedInstant);
