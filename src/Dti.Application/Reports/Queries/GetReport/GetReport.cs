using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Queries.GetReport;

/// <summary>
/// A report with its content; readers and the ministry see reports once accepted (404 before), and while a correction is
/// under way they see the version last accepted.
/// </summary>
public sealed record GetReportQuery(Guid Id) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Report(Id);
}

public sealed class GetReportHandler(IApplicationDbContext db, ReportById reports, ICurrentClient client, TypeAdapterConfig config) : IRequestHandler<GetReportQuery, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(GetReportQuery request, CancellationToken cancellationToken)
    {
        var report = await db.GetVisibleReportAsync(reports, client, request.Id, cancellationToken);
        return await db.ToDtoForAsync(client, report, config, cancellationToken);
    }
}
