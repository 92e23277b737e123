using Dti.Application.Calendar;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Application.Obligations;
using Dti.Application.Reports;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments;

/// <summary>
/// Puts a year's self-assessment together: every index of its framework with what the lead agencies' accepted reports say
/// (<see cref="SelfAssessmentSources"/>), the coordinator's overrides, the DTI computed by <see cref="DtiScoring"/>,
/// completeness and the deadline. Shown by GET and frozen by finalising, so both say the same.
/// </summary>
internal static class SelfAssessmentConsolidation
{
    /// <summary>The self-assessment of <paramref name="year"/>, tracked, or 404; a stale If-Match is 412.</summary>
    public static async Task<SelfAssessment> GetSelfAssessmentAsync(this IApplicationDbContext db, int year, int? expectedVersion, CancellationToken cancellationToken)
    {
        var assessment = await db.SelfAssessments.Include(s => s.Overrides).SingleOrDefaultAsync(s => s.AssessmentYear == year, cancellationToken)
            ?? throw new NotFoundException("Self-assessment", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        PreconditionFailedException.ThrowIfStale("Self-assessment", year.ToString(System.Globalization.CultureInfo.InvariantCulture), assessment.Version, expectedVersion);
        return assessment;
    }

    /// <summary>404 for a year without a finalised snapshot: the ministry learns nothing of a draft.</summary>
    public static NotFoundException NoSnapshots(int year) => new("Snapshots of self-assessment", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Who is acting, as a self-assessment records it.</summary>
    public static SelfAssessmentActor SelfAssessmentActor(this ICurrentClient client)
    {
        var actor = client.Actor();
        return new SelfAssessmentActor(actor.Id, actor.Name);
    }

    public static Task<Framework> FrameworkOfAsync(this IApplicationDbContext db, SelfAssessment assessment, CancellationToken cancellationToken) =>
        db.Frameworks.AsNoTracking().WithTree().SingleAsync(f => f.Id == assessment.FrameworkId, cancellationToken);

    public static async Task<SelfAssessmentDto> ConsolidateAsync(
        this IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, SelfAssessment assessment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = assessment.AssessmentYear;
        var framework = await db.FrameworkOfAsync(assessment, cancellationToken);
        var leads = await db.LeadsAsync(year, cancellationToken);
        var reported = await db.AcceptedEntriesAsync(year, leads, cancellationToken);
        var evidence = await db.EvidenceAsync([.. reported.Values.SelectMany(r => r.Entry.EvidenceIds).Distinct()], cancellationToken);
        var agencyIds = leads.SelectMany(l => l).Concat(reported.Values.Select(r => r.AgencyId)).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ProjectToType<ObligationAgencyDto>(config).ToDictionaryAsync(a => a.Id, cancellationToken);
        var rule = await db.DeadlineRules.AsNoTracking().Where(r => r.Id == assessment.DeadlineRuleId).Select(r => new { r.Id, r.Name }).SingleAsync(cancellationToken);
        var snapshots = await db.SelfAssessmentSnapshots.AsNoTracking().Where(s => s.SelfAssessmentId == assessment.Id).OrderBy(s => s.Revision)
            .ProjectToType<SnapshotSummaryDto>(config).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);

        var overrides = assessment.Overrides.ToDictionary(o => o.IndexCode, StringComparer.OrdinalIgnoreCase);
        var mains = framework.MainIndices.OrderBy(m => m.Order).ThenBy(m => m.Code, IndexCodeOrder.Instance).ToList();
        var indices = mains.SelectMany(m => framework.ComponentsOf(m).OrderBy(c => c.Order).ThenBy(c => c.Code, IndexCodeOrder.Instance)
                .Select(c => (c.Code, Level: AssessedIndexLevel.Component, Main: (string?)m.Code, c.NameVi, c.MaxPoints))
                .Prepend((m.Code, Level: AssessedIndexLevel.Main, Main: (string?)null, m.NameVi, m.MaxPoints)))
            .Select(i => Assess(i.Code, i.Level, i.Main, i.NameVi, i.MaxPoints, leads, reported, overrides, evidence, agencies, config))
            .ToList();

        var score = DtiScoring.Score(framework, ComponentPoints(indices), MainValues(indices));
        var lastInstant = DeadlineCalculator.EndOfDay(assessment.LastAllowedDay);
        var status = snapshots.Count > 0
            ? (snapshots[0].FinalisedAt <= lastInstant ? SelfAssessmentDeadlineStatus.FinalisedOnTime : SelfAssessmentDeadlineStatus.FinalisedLate)
            : ObligationStatuses.Of(lastInstant, now, 0, calendar) switch
            {
                ObligationStatus.Overdue => SelfAssessmentDeadlineStatus.Overdue,
                ObligationStatus.DueSoon => SelfAssessmentDeadlineStatus.DueSoon,
                _ => SelfAssessmentDeadlineStatus.Upcoming,
            };

        return new SelfAssessmentDto(
            assessment.Id,
            year,
            framework.Code,
            assessment.State,
            assessment.Revision,
            assessment.AllowedActions(),
            now.ToOffset(DeadlineCalculator.VietnamOffset),
            new SelfAssessmentDeadlineDto(rule.Id, rule.Name, assessment.LastAllowedDay, lastInstant, status),
            score.Adapt<DtiScoreDto>(config),
            Completeness(indices),
            indices,
            snapshots);
    }

    private static AssessedIndexDto Assess(
        string code,
        AssessedIndexLevel level,
        string? main,
        string nameVi,
        decimal? maxPoints,
        ILookup<string, Guid> leads,
        Dictionary<string, ReportedEntry> reported,
        Dictionary<string, SelfAssessmentOverride> overrides,
        Dictionary<Guid, CitedEvidence> evidence,
        Dictionary<Guid, ObligationAgencyDto> agencies,
        TypeAdapterConfig config)
    {
        var figures = reported.GetValueOrDefault(code) is { } r
            ? new ReportedFiguresDto(
                r.Entry.NumericValue ?? (r.Entry.YesNoValue is { } yes ? (yes ? 1m : 0m) : null),
                r.Entry.TextValue,
                r.Entry.Score,
                r.Entry.Explanation,
                [.. r.Entry.EvidenceIds.Where(evidence.ContainsKey).Select(id => evidence[id].Adapt<EvidenceReferenceDto>(config))],
                new ProvenanceDto(r.ReportId, r.VersionNumber, r.Revision, agencies[r.AgencyId], r.SubmittedAt, r.AcceptedAt, r.ContentHash))
            : null;
        var changed = overrides.GetValueOrDefault(code)?.Adapt<IndexOverrideDto>(config);
        var status = changed is not null ? AssessedIndexStatus.Overridden : figures is not null ? AssessedIndexStatus.Reported : AssessedIndexStatus.Missing;
        return new AssessedIndexDto(
            code,
            level,
            main,
            nameVi,
            maxPoints,
            status,
            changed?.Value ?? figures?.Value,
            changed?.Score ?? figures?.Score,
            [.. leads[code].Where(agencies.ContainsKey).Select(id => agencies[id]).OrderBy(a => a.Code, StringComparer.Ordinal)],
            figures,
            changed);
    }

    private static Dictionary<string, decimal> ComponentPoints(List<AssessedIndexDto> indices) =>
        indices.Where(i => i.Level == AssessedIndexLevel.Component && i.Score is not null).ToDictionary(i => i.Code, i => i.Score!.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A main index's value on the ministry's [0, 1] scale: its value when it is on that scale, else its score over its max
    /// points (a report may give a main index its points rather than its value).
    /// </summary>
    private static Dictionary<string, decimal> MainValues(List<AssessedIndexDto> indices)
    {
        var values = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var main in indices.Where(i => i.Level == AssessedIndexLevel.Main))
        {
            if (main.Value is >= 0 and <= 1)
            {
                values[main.Code] = main.Value.Value;
            }
            else if (main.Score is { } score && main.MaxPoints is > 0)
            {
                values[main.Code] = DecimalKind.IndexValue.Round(Math.Min(1m, score / main.MaxPoints.Value));
            }
        }

        return values;
    }

    private static SelfAssessmentCompletenessDto Completeness(List<AssessedIndexDto> indices)
    {
        static bool Valued(AssessedIndexDto i) => i.Value is not null || i.Score is not null || i.Reported?.TextValue is not null;
        static bool Evidenced(AssessedIndexDto i) => i.Reported?.Evidence.Count > 0;
        var perMain = indices.GroupBy(i => i.MainIndexCode ?? i.Code)
            .Select(g => new MainIndexCompletenessDto(g.Key, g.Count(), g.Count(Valued), g.Count(Evidenced)))
            .ToList();
        var missing = indices.Where(i => !Valued(i)).ToList();
        var byLead = missing.SelectMany(i => i.LeadAgencies.Count == 0 ? [(Agency: (ObligationAgencyDto?)null, i.Code)] : i.LeadAgencies.Select(a => (Agency: (ObligationAgencyDto?)a, i.Code)))
            .GroupBy(m => m.Agency?.Id)
            .Select(g => new MissingByLeadDto(g.First().Agency, [.. g.Select(m => m.Code)]))
            .OrderBy(m => m.Agency is null).ThenByDescending(m => m.IndexCodes.Count).ThenBy(m => m.Agency?.Code, StringComparer.Ordinal)
            .ToList();
        return new SelfAssessmentCompletenessDto(
            indices.Count,
            indices.Count(Valued),
            indices.Count(Evidenced),
            Percent(indices.Count(Valued), indices.Count),
            Percent(indices.Count(Evidenced), indices.Count),
            perMain,
            byLead);
    }

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
