using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Reports;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports.Queries.ListReportVersions;

/// <summary>Every frozen submission of a report, oldest first; readers and the ministry see accepted versions only.</summary>
public sealed record ListReportVersionsQuery(Guid Id) : IRequest<ReportVersionListDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Report(Id);
}

public sealed class ListReportVersionsHandler(IApplicationDbContext db, ReportById reports, ICurrentClient client, TypeAdapterConfig config)
    : IRequestHandler<ListReportVersionsQuery, ReportVersionListDto>
{
    public async Task<ReportVersionListDto> Handle(ListReportVersionsQuery request, CancellationToken cancellationToken)
    {
        var report = await db.GetVisibleReportAsync(reports, client, request.Id, cancellationToken);
        var versions = db.ReportVersions.AsNoTracking().Include(v => v.IndexNotes).Where(v => v.ReportId == report.Id);
        if (!client.SeesWorkOf(report))
        {
            versions = versions.Where(v => v.Outcome == ReportVersionOutcome.Accepted);
        }

        var list = await versions.OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return new ReportVersionListDto(report.Id, [.. list.Select(v => v.Summary(report, config))]);
    }
}
