using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Plans;

internal static class PlanQueries
{
    public static IQueryable<Plan> WithObjectives(this IQueryable<Plan> plans) =>
        plans.Include(p => p.IndexTargets).Include(p => p.SolutionGroups);

    /// <summary>Loads a plan with its objectives for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<Plan> GetPlanForUpdateAsync(this IApplicationDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.WithObjectives().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Plan", id.ToString());
        PreconditionFailedException.ThrowIfStale("Plan", id.ToString(), plan.Version, expectedVersion);
        return plan;
    }

    /// <summary>A plan addressed by the route (404 when missing), read-only.</summary>
    public static async Task<Plan> GetPlanAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Plan", id.ToString());

    /// <summary>The deadline rules a plan reports by, by name.</summary>
    public static async Task<PlanReportingRulesDto> ReadReportingRulesAsync(this IApplicationDbContext db, TypeAdapterConfig config, Guid planId, CancellationToken cancellationToken)
    {
        var ruleIds = db.Plans.Where(p => p.Id == planId).SelectMany(p => p.ReportingRules).Select(r => r.DeadlineRuleId);
        var rules = await db.DeadlineRules
            .Where(r => ruleIds.Contains(r.Id))
            .OrderBy(r => r.Name)
            .ProjectToType<PlanReportingRuleDto>(config)
            .ToListAsync(cancellationToken);
        return new PlanReportingRulesDto(planId, rules);
    }

    /// <summary>The framework that governs an assessment year; a plan (or report) for a year no framework governs breaks a rule (422 naming <paramref name="field"/>).</summary>
    public static async Task<Framework> GoverningFrameworkAsync(this IApplicationDbContext db, int year, CancellationToken cancellationToken, string field = "firstAssessmentYear") =>
        await db.Frameworks.AsNoTracking().WithTree()
            .Governing(year)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw FrameworkQueries.NoneGoverns(year, field);

    /// <summary>Checks what a plan refers to: its issuer (active on the issue date), its parent plan, and that its number is free for that issuer.</summary>
    public static async Task CheckReferencesAsync(this IApplicationDbContext db, Plan plan, CancellationToken cancellationToken)
    {
        var issuer = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == plan.IssuerAgencyId, cancellationToken)
            ?? throw new DomainException("plan.unknown-issuer", $"Issuer agency '{plan.IssuerAgencyId}' does not exist.", "issuerAgencyId");
        issuer.EnsureActiveOn(plan.IssueDate, "issuerAgencyId");
        if (plan.ParentPlanId is { } parent && !await db.Plans.AnyAsync(p => p.Id == parent, cancellationToken))
        {
            throw new DomainException("plan.unknown-parent", $"Parent plan '{parent}' does not exist.", "parentPlanId");
        }

        if (await db.Plans.AnyAsync(p => p.IssuerAgencyId == plan.IssuerAgencyId && p.DocumentNumber == plan.DocumentNumber && p.Id != plan.Id, cancellationToken))
        {
            throw DomainException.Conflict("plan.duplicate-number", $"{issuer.ShortName} already has a document numbered '{plan.DocumentNumber}'.", "documentNumber");
        }
    }
}
