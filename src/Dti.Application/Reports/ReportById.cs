using Dti.Application.Common.Interfaces;
using Dti.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports;

/// <summary>
/// A report with its entries, their evidence and its task snapshot, tracked, compiled once per application (a singleton,
/// as <see cref="PlanTasks.TaskAndPlanById"/>: a compiled query belongs to one model): every report read, submission and
/// review begins with it, and uncompiled, EF Core hashes and compares the LINQ tree and evaluates its closure values on
/// every call to find the query in its cache (5 % of the API's CPU under submissions). The tasks come in a second query
/// (fixed up into the report by the change tracker): joined with the entries they would multiply the rows.
/// </summary>
public sealed class ReportById
{
    private readonly Func<DbContext, Guid, CancellationToken, Task<Report?>> _report =
        EF.CompileAsyncQuery((DbContext context, Guid id, CancellationToken _) =>
            context.Set<Report>().Include(r => r.Entries).ThenInclude(e => e.Evidence).SingleOrDefault(r => r.Id == id));

    private readonly Func<DbContext, Guid, IAsyncEnumerable<ReportTaskState>> _tasks =
        EF.CompileAsyncQuery((DbContext context, Guid id) => context.Set<Report>().Where(r => r.Id == id).SelectMany(r => r.Tasks));

    /// <summary>The report, tracked by <paramref name="db"/> (the request's unit of work), or null.</summary>
    public async Task<Report?> ReadAsync(IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var context = (DbContext)db;
        var report = await _report(context, id, cancellationToken);
        if (report is not null)
        {
            await foreach (var _ in _tasks(context, id).WithCancellation(cancellationToken))
            {
                // Tracking the task states fixes them up into the report.
            }
        }

        return report;
    }
}
