using Dti.Application.Calendar;
using Dti.Application.Frameworks;
using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Dti.Infrastructure.Persistence.ReferenceData;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dti.Infrastructure.Persistence.SampleData;

/// <summary>
/// Loads <see cref="SampleContent"/> and <see cref="SampleReports"/>; what already exists (agency by code, plan by issuer
/// and number, request by issuer and topic, report by agency and what it answers) is left alone, so running it again
/// changes nothing.
/// </summary>
public sealed partial class SampleDataLoader(
    DtiDbContext db, ReferenceDataSeeder referenceData, WorkingCalendarSource calendars, GoverningFrameworkSource frameworks, TypeAdapterConfig mappings, TimeProvider clock, ILogger<SampleDataLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await referenceData.SeedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var agencies = await LoadAgenciesAsync(now, cancellationToken);
        var rules = await db.DeadlineRules.ToDictionaryAsync(r => r.Name, r => r.Id, StringComparer.Ordinal, cancellationToken);
        var added = 0;
        foreach (var sample in SampleContent.Plans)
        {
            var issuer = agencies[sample.IssuerKey];
            if (await db.Plans.AnyAsync(p => p.IssuerAgencyId == issuer.Id && p.DocumentNumber == sample.DocumentNumber, cancellationToken))
            {
                continue;
            }

            AddPlan(sample, agencies, rules, await GoverningFrameworkAsync(sample.FirstAssessmentYear, cancellationToken), now);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var reports = await LoadReportsAsync(agencies, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Loaded(logger, added, reports);
    }

    private async Task<Dictionary<string, Agency>> LoadAgenciesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = SampleContent.Agencies.Select(a => a.Code).ToList();
        var existing = await db.Agencies.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, cancellationToken);
        var byKey = new Dictionary<string, Agency>();
        foreach (var sample in SampleContent.Agencies)
        {
            if (!existing.TryGetValue(sample.Code, out var agency))
            {
                var validFrom = sample.IsSample ? SampleContent.IllustrativeValidFrom : SampleContent.ProvincesReestablished;
                var parent = sample.ParentKey is null ? (Guid?)null : byKey[sample.ParentKey].Id;
                agency = Agency.Create(new AgencySpec(sample.Code, sample.FullName, sample.ShortName, sample.Kind, parent, validFrom, null, sample.IsSample), now);
                db.Agencies.Add(agency);
            }

            byKey[sample.Key] = agency;
        }

        return byKey;
    }

    private Task<Framework> GoverningFrameworkAsync(int assessmentYear, CancellationToken cancellationToken) =>
        db.Frameworks.Include(f => f.MainIndices).Include(f => f.ComponentIndices)
            .SingleAsync(f => f.FirstAssessmentYear <= assessmentYear && (f.LastAssessmentYear == null || f.LastAssessmentYear >= assessmentYear), cancellationToken);

    /// <summary>Records the plan as a coordinator would: created, given its reporting rules (those of them still stored), issued.</summary>
    private void AddPlan(SamplePlan sample, Dictionary<string, Agency> agencies, Dictionary<string, Guid> rules, Framework framework, DateTimeOffset now)
    {
        var plan = Plan.Create(
            new PlanSpec(
                sample.Kind, sample.DocumentNumber, agencies[sample.IssuerKey].Id, sample.IssueDate, sample.Title, sample.Summary, sample.PeriodStart, sample.PeriodEnd,
                sample.FirstAssessmentYear, sample.LastAssessmentYear, null, null, sample.TargetRankGroup, [], sample.SolutionGroups, null, sample.IsSample),
            framework,
            now);
        plan.SetReportingRules(sample.ReportingRuleNames.Where(rules.ContainsKey).Select(name => rules[name]), now);
        plan.Issue(now);
        db.Plans.Add(plan);

        foreach (var task in sample.Tasks)
        {
            var (date, month) = task.Due switch
            {
                DateOnly d => ((DateOnly?)d, (string?)null),
                string m => (null, m),
                _ => (null, null),
            };
            var spec = new PlanTaskSpec(task.Title, null, agencies[task.LeadKey].Id, [.. task.CooperatorKeys.Select(k => agencies[k].Id)], date, month, task.IndexCodes);
            db.PlanTasks.Add(PlanTask.Create(plan, spec, framework, now));
        }

        foreach (var assignment in sample.Assignments)
        {
            db.IndexAssignments.Add(IndexAssignment.Create(
                plan, framework, assignment.IndexCode, agencies[assignment.LeadKey].Id, [.. assignment.CooperatorKeys.Select(k => agencies[k].Id)],
                new AssignmentTerms(null, null, null, null, IsSample: true), now));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data loaded: {Plans} new plan(s), {Reports} new report(s)")]
    private static partial void Loaded(ILogger logger, int plans, int reports);
}
