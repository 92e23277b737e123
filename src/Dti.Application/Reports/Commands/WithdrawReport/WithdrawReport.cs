using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.WithdrawReport;

/// <summary>Submitted → Draft, before review: the version is marked withdrawn and no longer counts for timeliness.</summary>
public sealed record WithdrawReportCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.ReportAuthor(Id);
}

public sealed class WithdrawReportHandler(IApplicationDbContext db, ReportById reports, TypeAdapterConfig config, TimeProvider clock) : IRequestHandler<WithdrawReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(WithdrawReportCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        var latest = await reports.LatestVersionAsync(report, cancellationToken);
        report.Withdraw(latest, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return report.ToDto(latest, config);
    }
}
