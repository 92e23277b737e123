using System.Globalization;
using System.Net;
using Dti.Domain.Agencies;
using Dti.Domain.Assignments;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// Province-scale data for the scale tests: a framework of its own for years no reference framework governs, an issued
/// plan and its lead agencies. Agencies and assignments go through the DbContext with the domain's own methods (hundreds
/// of them through HTTP would take most of a minute); the plan is created, given its rules and issued through HTTP.
/// </summary>
public static class ProvinceScale
{
    /// <summary>
    /// Publishes framework <paramref name="code"/> for <paramref name="firstYear"/>–<paramref name="lastYear"/>: the
    /// main indices of QĐ 922 and component indices up to <paramref name="indices"/>; returns the first
    /// <paramref name="indices"/> index codes.
    /// </summary>
    public static async Task<List<string>> AddFrameworkAsync(IServiceProvider services, string code, int firstYear, int lastYear, int indices)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = DateTimeOffset.UtcNow;
        var reference = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).Include(f => f.MainIndices).SingleAsync(f => f.Code == ReferenceFrameworks.Qd922Code);
        var spec = reference.ToSpec();
        var mains = spec.MainIndices.Select(m => m.Code).ToList();
        var components = Enumerable.Range(0, Math.Max(0, indices - mains.Count))
            .Select(i => new ComponentIndexSpec($"{mains[i % mains.Count]}.{(i / mains.Count) + 1}", mains[i % mains.Count], i, $"Chỉ số thành phần {i}", null, null, MeasureType.Count, null, false, null, IsSample: false))
            .ToList();
        var framework = Framework.Create(spec with { Code = code, FirstAssessmentYear = firstYear, LastAssessmentYear = lastYear, ComponentIndices = components }, now);
        framework.Publish(now);
        db.Frameworks.Add(framework);
        await db.SaveChangesAsync();
        return [.. mains.Concat(components.Select(c => c.Code)).Take(indices)];
    }

    /// <summary>A draft plan 01/KH-UBND for <paramref name="firstYear"/>–<paramref name="lastYear"/>, issued on <paramref name="issueDate"/>.</summary>
    public static async Task<Guid> CreatePlanAsync(HttpClient client, Guid issuer, string issueDate, int firstYear, int lastYear) =>
        (await client.CreatePlan(new
        {
            kind = "Plan",
            documentNumber = "01/KH-UBND",
            issuerAgencyId = issuer,
            issueDate,
            title = "Kế hoạch nâng cao chỉ số chuyển đổi số (quy mô tỉnh)",
            firstAssessmentYear = firstYear,
            lastAssessmentYear = lastYear,
        })).GetProperty("id").GetGuid();

    /// <summary>
    /// <paramref name="agencies"/> departments under <paramref name="province"/>, founded on <paramref name="founded"/>;
    /// the first ones each lead one of <paramref name="codes"/> in <paramref name="plan"/>. Returns the leads in code order.
    /// </summary>
    public static async Task<List<Guid>> AddLeadAgenciesAsync(
        IServiceProvider services, Guid plan, string frameworkCode, IReadOnlyList<string> codes, Guid province, int agencies, DateOnly founded)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = DateTimeOffset.UtcNow;
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.MainIndices).Include(f => f.ComponentIndices).SingleAsync(f => f.Code == frameworkCode);
        var draft = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan);
        var leads = new List<Guid>();
        for (var i = 0; i < agencies; i++)
        {
            var agency = Agency.Create(new AgencySpec(string.Create(CultureInfo.InvariantCulture, $"000.{i / 100:00}.{i % 100:00}.K50"), $"Cơ quan {i}", $"CQ {i}", AgencyKind.Department, province, founded, null, IsSample: false), now);
            db.Agencies.Add(agency);
            if (i < codes.Count)
            {
                leads.Add(agency.Id);
                db.IndexAssignments.Add(IndexAssignment.Create(draft, framework, codes[i], agency.Id, null, new AssignmentTerms(null, null, null, null, IsSample: false), now));
            }
        }

        await db.SaveChangesAsync();
        return leads;
    }

    /// <summary><paramref name="rules"/> monthly rules, due before the 5th, 6th, … of the month after the period; returns their ids.</summary>
    public static async Task<List<Guid>> AddMonthlyRulesAsync(IServiceProvider services, int rules)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = DateTimeOffset.UtcNow;
        var definitions = Enumerable.Range(0, rules)
            .Select(i => DeadlineRuleDefinition.Create(DeadlineRule.Create($"Báo cáo tháng {i}", ReportingFrequency.Monthly, new DueAnchor.DayOfLastMonth(5 + i), DeadlineBoundary.Before), now))
            .ToList();
        db.DeadlineRules.AddRange(definitions);
        await db.SaveChangesAsync();
        return definitions.ConvertAll(d => d.Id);
    }

    /// <summary>Gives <paramref name="plan"/> its reporting rules and issues it, through HTTP.</summary>
    public static async Task IssueAsync(HttpClient client, Guid plan, IReadOnlyList<Guid> ruleIds)
    {
        var rules = await client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{plan}/reporting-rules", new { ruleIds });
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        var issued = await client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/issue", resource: $"/api/v1/plans/{plan}");
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
    }
}
