using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Deadlines;
using Dti.Application.Obligations;
using Dti.Application.Plans;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dti.Application.Reports.Queries.GetCompleteness;

/// <summary>
/// What the coordinator still has to chase for <see cref="AssessmentYear"/> (or only <see cref="PeriodId"/> of it, or only
/// <see cref="PlanId"/>, or only <see cref="AgencyId"/>): lead obligations without a submitted report, and led indices
/// without a value. Agency reporters see only their agencies.
/// </summary>
public sealed record GetCompletenessQuery(int? AssessmentYear, string? PeriodId, Guid? PlanId, Guid? AgencyId) : IRequest<CompletenessDto>, IAgencyFiltered;

public sealed class GetCompletenessValidator : AbstractValidator<GetCompletenessQuery>
{
    public GetCompletenessValidator()
    {
        RuleFor(q => q.AssessmentYear).NotNull().InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.PeriodId).MaximumLength(ReportingPeriod.IdMaxLength)
            .Matches(ReportingPeriod.IdPattern).WithMessage("'periodId' must be a period such as 2023Q4, 2023H1, 2023M11 or 2023.");
        RuleFor(q => q.PeriodId)
            .Must((q, period) => IsPeriodOf(period!, q.AssessmentYear)).WithMessage(q => $"'periodId' must be a period of assessment year {q.AssessmentYear}.")
            .When(q => q.PeriodId is not null);
    }

    private static bool IsPeriodOf(string period, int? year)
    {
        try
        {
            return ReportingPeriod.Parse(period).Year == year;
        }
        catch (Domain.Common.DomainException)
        {
            return false;
        }
    }
}

public sealed class GetCompletenessHandler(
    IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, AgencyContext context, TimeProvider clock, IOptions<DeadlineOptions> options)
    : IRequestHandler<GetCompletenessQuery, CompletenessDto>
{
    public async Task<CompletenessDto> Handle(GetCompletenessQuery request, CancellationToken cancellationToken)
    {
        var year = request.AssessmentYear!.Value;
        // The agencies shown: the one asked about, within those the caller may see; null for every agency.
        var visible = context.VisibleAgencies?.ToList();
        if (request.AgencyId is { } one)
        {
            visible = visible is null || visible.Contains(one) ? [one] : [];
        }

        var framework = await db.GoverningFrameworkAsync(year, cancellationToken, "assessmentYear");
        var names = framework.MainIndices.Select(m => (m.Code, m.NameVi))
            .Concat(framework.ComponentIndices.Select(c => (c.Code, c.NameVi)))
            .ToDictionary(i => i.Code, i => i.NameVi, StringComparer.Ordinal);

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var owed = await OwedAsync(request, year, visible, calendar, now, cancellationToken);
        var expected = (request.PeriodId is null ? await LedInYearAsync(request, year, visible, cancellationToken) : owed.SelectMany(o => o.IndexCodes, (o, code) => new Led(o.Agency.Id, code)))
            .Where(l => names.ContainsKey(l.IndexCode))
            .Distinct()
            .ToList();
        var answered = await AnsweredAsync(request, year, visible, cancellationToken);

        var agencyIds = owed.Select(o => o.Agency.Id).Concat(expected.Select(l => l.AgencyId)).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id))
            .ProjectToType<ObligationAgencyDto>(config)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var owedBy = owed.ToLookup(o => o.Agency.Id);
        var ledBy = expected.ToLookup(l => l.AgencyId, l => l.IndexCode);
        var byAgency = agencyIds
            .Select(id =>
            {
                var outstanding = owedBy[id].Where(o => !IsSubmitted(o)).ToList();
                var unanswered = ledBy[id].Where(code => !answered.Contains(new Led(id, code))).Order(IndexCodeOrder.Instance).ToList();
                return new AgencyCompletenessDto(
                    agencies[id],
                    Totals(owedBy[id].Count(), outstanding.Count),
                    [.. outstanding.Take(CompletenessLimits.MaxOutstandingPerAgency)],
                    Totals(ledBy[id].Count(), unanswered.Count),
                    unanswered);
            })
            .OrderByDescending(a => a.Obligations.Outstanding + a.Indices.Outstanding)
            .ThenBy(a => a.Agency.Code, StringComparer.Ordinal)
            .ToList();
        var byIndex = expected.GroupBy(l => l.IndexCode)
            .OrderBy(g => g.Key, IndexCodeOrder.Instance)
            .Select(g =>
            {
                var leads = g.Select(l => new IndexLeadDto(agencies[l.AgencyId], answered.Contains(l)))
                    .OrderBy(l => l.Answered).ThenBy(l => l.Agency.Code, StringComparer.Ordinal)
                    .ToList();
                return new IndexCompletenessDto(g.Key, names[g.Key], leads.TrueForAll(l => l.Answered), leads.Count, [.. leads.Take(CompletenessLimits.MaxLeadsPerIndex)]);
            })
            .ToList();

        return new CompletenessDto(
            year,
            request.PeriodId,
            request.PlanId,
            framework.Code,
            now,
            Totals(owed.Count, owed.Count(o => !IsSubmitted(o))),
            Totals(expected.Count, expected.Count(l => !answered.Contains(l))),
            byAgency.Count,
            [.. byAgency.Take(CompletenessLimits.MaxAgencies)],
            byIndex);
    }

    /// <summary>
    /// The lead obligations whose period is the one asked, or falls in the year, as <c>/obligations</c> computes them (the
    /// same schedule, with the same report status). A period's last allowed day may fall in the next year (an annual report
    /// due in January), so deadlines are read up to the end of that year.
    /// </summary>
    private async Task<List<ObligationDto>> OwedAsync(
        GetCompletenessQuery request, int year, List<Guid>? visible, Domain.Calendar.WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = new ObligationFilter(new DateOnly(year, 1, 1), new DateOnly(year + 1, 12, 31), visible, request.PlanId, IncludeCooperating: false);
        var all = await ObligationSchedule.ComputeAsync(db, config, calendar, filter, now, options.Value.DueSoonWorkingDays, cancellationToken);
        return [.. all.Where(o => request.PeriodId is { } period ? o.PeriodId == period : ReportingPeriod.Parse(o.PeriodId).Year == year)];
    }

    /// <summary>Every index each agency leads in the year: the assignments of the issued plans covering it.</summary>
    private async Task<List<Led>> LedInYearAsync(GetCompletenessQuery request, int year, List<Guid>? visible, CancellationToken cancellationToken)
    {
        var plans = db.Plans.Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year);
        plans = plans.WhereIf(request.PlanId, planId => p => p.Id == planId);

        var planIds = plans.Select(p => p.Id);
        var assignments = db.IndexAssignments.AsNoTracking().Where(a => planIds.Contains(a.PlanId));
        if (visible is not null)
        {
            assignments = assignments.Where(a => visible.Contains(a.LeadAgencyId));
        }

        return [.. (await assignments.Select(a => new { a.LeadAgencyId, a.IndexCode }).ToListAsync(cancellationToken)).Select(a => new Led(a.LeadAgencyId, a.IndexCode))];
    }

    /// <summary>
    /// The (agency, index) pairs a report in scope gives a value (numeric, yes/no or text): the live entries of submitted and
    /// accepted reports — their content is what was submitted — and, for an accepted report being corrected (a later
    /// revision not yet submitted), its last accepted version, which still stands. Contributions feed the lead, not the
    /// coordinator, and do not count.
    /// </summary>
    private async Task<HashSet<Led>> AnsweredAsync(GetCompletenessQuery request, int year, List<Guid>? visible, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.AssessmentYear == year && r.Kind != ReportKind.Contribution);
        reports = reports.WhereIf(request.PeriodId, period => r => r.PeriodId == period)
            .WhereIf(request.PlanId, planId => r => r.PlanId == planId);

        if (visible is not null)
        {
            reports = reports.Where(r => visible.Contains(r.AgencyId));
        }

        var live = await reports
            .Where(r => r.State == ReportState.Submitted || r.State == ReportState.Accepted)
            .SelectMany(r => r.Entries.Where(e => e.NumericValue != null || e.YesNoValue != null || e.TextValue != null), (r, e) => new { r.AgencyId, e.IndexCode })
            .Distinct()
            .ToListAsync(cancellationToken);

        var corrected = reports.Where(r => r.Revision > 1 && r.State != ReportState.Submitted && r.State != ReportState.Accepted).Select(r => r.Id);
        var accepted = await db.ReportVersions.AsNoTracking()
            .Where(v => v.Outcome == ReportVersionOutcome.Accepted && corrected.Contains(v.ReportId))
            .Select(v => new { v.ReportId, v.Number, v.Content })
            .ToListAsync(cancellationToken);
        var standing = accepted.GroupBy(v => v.ReportId)
            .Select(g => ReportDocument.FromJson(g.MaxBy(v => v.Number)!.Content))
            .SelectMany(d => d.Entries.Where(e => e.NumericValue is not null || e.YesNoValue is not null || e.TextValue is not null), (d, e) => new Led(d.AgencyId, e.IndexCode));

        return [.. live.Select(l => new Led(l.AgencyId, l.IndexCode)), .. standing];
    }

    private static bool IsSubmitted(ObligationDto obligation) =>
        obligation.ReportStatus is ObligationReportStatus.Submitted or ObligationReportStatus.Accepted;

    private static CompletenessTotalsDto Totals(int expected, int outstanding) => new(
        expected,
        expected - outstanding,
        outstanding,
        expected == 0 ? null : Math.Round(100m * (expected - outstanding) / expected, 1, MidpointRounding.AwayFromZero));

    /// <summary>An index an agency leads (or answers for).</summary>
    private sealed record Led(Guid AgencyId, string IndexCode);
}
