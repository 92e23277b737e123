using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Frameworks;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.SubmitReport;

/// <summary>
/// Draft → Submitted: checks the entries against what the agency answers for and the evidence rule, captures the
/// agency's plan tasks, and freezes the content as a new version judged against the obligation's (or request's) last
/// allowed instant.
/// </summary>
public sealed record SubmitReportCommand(Guid Id, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.ReportAuthor(Id);
}

public sealed class SubmitReportHandler(
    IApplicationDbContext db, ReportById reports, WorkingCalendarSource calendars, GoverningFrameworkSource frameworks, ICurrentClient client, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<SubmitReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(SubmitReportCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var stamps = await ReferenceStamps.ReadAsync(db, report.AssessmentYear, cancellationToken);
        var calendar = await calendars.GetAsync(db, stamps, cancellationToken);
        var terms = await db.TermsAsync(config, calendar, frameworks, report, cancellationToken, stamps);
        var tasks = await db.TaskStatesAsync(report, cancellationToken);
        var version = report.Submit(terms.Answerable, terms.Deadline, tasks, calendar, client.Actor(), now);
        db.ReportVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return report.ToDto(version, config);
    }
}
