using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.ReturnReport;

/// <summary>Submitted → Returned, with a reason overall and/or per index, recorded on the version returned.</summary>
public sealed record ReturnReportCommand(Guid Id, ReturnReportInput Body, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Report(Id);
}

public sealed class ReturnReportValidator : AbstractValidator<ReturnReportCommand>
{
    public ReturnReportValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new ReturnReportInputValidator());
}

public sealed class ReturnReportHandler(IApplicationDbContext db, ReportById reports, ICurrentClient client, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<ReturnReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(ReturnReportCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        var notes = (request.Body.IndexNotes ?? []).Select(n => (n.IndexCode, n.Note)).ToList();
        report.Return(await reports.LatestVersionAsync(report, cancellationToken), client.Actor(), request.Body.Reason, notes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(report, config, cancellationToken);
    }
}
