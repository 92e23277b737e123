using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.ReopenReport;

/// <summary>Returned → Draft, content unchanged (editing a returned report reopens it too).</summary>
public sealed record ReopenReportCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.ReportAuthor(Id);
}

public sealed class ReopenReportHandler(IApplicationDbContext db, ReportById reports, TypeAdapterConfig config, TimeProvider clock) : IRequestHandler<ReopenReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(ReopenReportCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        report.Reopen(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(report, config, cancellationToken);
    }
}
