using Dti.Application.Common.Interfaces;
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
        var tasks = db.PlanTasks.AsNoTracking().Where(t => t.LeadAgencyId == report.AgencyId);
        if (report.PlanId is { } planId)
        {
            tasks = tasks.Where(t => t.PlanId == planId);
        }
        else
        {
            var year = report.AssessmentYear;
            var plans = db.Plans.Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year).Select(p => p.Id);
            tasks = tasks.Where(t => plans.Contains(t.PlanId));
        }

        return await tasks
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .Take(ReportLimits.MaxTasks)
            .Select(t => new TaskStateSpec(t.Id, t.PlanId, t.Title, t.Status, t.ProgressPercent, t.DueDate, t.ProgressAsOf))
            .ToListAsync(cancellationToken);
    }
}
