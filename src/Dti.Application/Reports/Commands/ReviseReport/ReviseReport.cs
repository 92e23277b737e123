using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.ReviseReport;

/// <summary>Accepted → Draft as the next revision, keeping the accepted content to correct; it must be accepted again.</summary>
public sealed record ReviseReportCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.ReportAuthor(Id);
}

public sealed class ReviseReportHandler(IApplicationDbContext db, ReportById reports, TypeAdapterConfig config, TimeProvider clock) : IRequestHandler<ReviseReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(ReviseReportCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        report.Revise(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(report, config, cancellationToken);
    }
}
