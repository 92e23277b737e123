using Dti.Application.Common.Interfaces;
using Dti.Domain.Reports;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.ReportRequests;

internal static class ReportRequestQueries
{
    /// <summary>
    /// The requests as DTOs with their answers: one query for the reports answering all of them, each agency asked in
    /// order, its report's fields null until it starts one.
    /// </summary>
    public static async Task<List<ReportRequestDto>> WithAnswersAsync(
        this IApplicationDbContext db, IReadOnlyList<ReportRequest> requests, TypeAdapterConfig config, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => (Guid?)r.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.ReportRequestId)).ToListAsync(cancellationToken);
        var answered = reports.ToDictionary(r => (r.ReportRequestId!.Value, r.AgencyId), r => r.Adapt<ReportRequestAnswerDto>(config));
        return [.. requests.Select(request => request.Adapt<ReportRequestDto>(config) with
        {
            Answers = [.. request.AskedAgencyIds.Select(agency => answered.GetValueOrDefault((request.Id, agency))
                ?? new ReportRequestAnswerDto(agency, null, null, null, null, null, null))],
        })];
    }
}
