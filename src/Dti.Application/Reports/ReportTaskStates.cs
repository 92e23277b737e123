using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports;

/// <summary>
/// What a submission captures of the agency's plan tasks. Public because the sample data plays submissions through the
/// same query as <c>POST /reports/{id}/submit</c>.
/// </summary>
public static class ReportTaskStates
{
    /// <summary>The agency's plan tasks as they stand: under the report's plan, or (for requests) under every issued plan of the assessment year; soonest due first, at most <see cref="ReportLimits.MaxTasks"/>.</summary>
    public static async Task<List<TaskStateSpec>> TaskStatesAsync(this IApplicationDbContext db, Report report, CancellationToken cancellationToken)
    {
        var context = (DbContext)db;
        var tasks = report.PlanId is { } planId
            ? OfPlan.For(context)(context, report.AgencyId, planId)
            : OfYear.For(context)(context, report.AgencyId, report.AssessmentYear);
        var states = new List<TaskStateSpec>();
        await foreach (var task in tasks.WithCancellation(cancellationToken))
        {
            states.Add(task);
        }

        return states;
    }

    // Both compiled: every submission reads one of them.
    private static readonly CompiledPerModel<Func<DbContext, Guid, Guid, IAsyncEnumerable<TaskStateSpec>>> OfPlan = new(() => EF.CompileAsyncQuery(
        (DbContext context, Guid agencyId, Guid planId) => context.Set<PlanTask>().AsNoTracking()
            .Where(t => t.LeadAgencyId == agencyId && t.PlanId == planId)
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .Take(ReportLimits.MaxTasks)
            .Select(t => new TaskStateSpec(t.Id, t.PlanId, t.Title, t.Status, t.ProgressPercent, t.DueDate, t.ProgressAsOf))));

    private static readonly CompiledPerModel<Func<DbContext, Guid, int, IAsyncEnumerable<TaskStateSpec>>> OfYear = new(() => EF.CompileAsyncQuery(
        (DbContext context, Guid agencyId, int year) => context.Set<PlanTask>().AsNoTracking()
            .Where(t => t.LeadAgencyId == agencyId && context.Set<Plan>()
                .Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year)
                .Select(p => p.Id).Contains(t.PlanId))
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .Take(ReportLimits.MaxTasks)
            .Select(t => new TaskStateSpec(t.Id, t.PlanId, t.Title, t.Status, t.ProgressPercent, t.DueDate, t.ProgressAsOf))));
}
