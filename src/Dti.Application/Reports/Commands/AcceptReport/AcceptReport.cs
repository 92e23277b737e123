using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.AcceptReport;

/// <summary>Submitted → Accepted: the reviewer accepts the latest version. Accepted is final; corrections are new revisions.</summary>
public sealed record AcceptReportCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Report(Id);
}

public sealed class AcceptReportHandler(IApplicationDbContext db, ReportById reports, ICurrentClient client, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<AcceptReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(AcceptReportCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        var latest = await reports.LatestVersionAsync(report, cancellationToken);
        report.Accept(latest, client.Actor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return report.ToDto(latest, config);
    }
}
