using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Commands.UpdateReportContent;

/// <summary>
/// Replaces a draft's (or a returned report's) entries and sections; a returned report becomes a draft again. Entries
/// are checked against what the agency answers for now. <paramref name="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateReportContentCommand(Guid Id, ReportContentInput Body, int? ExpectedVersion) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.ReportAuthor(Id);
}

public sealed class UpdateReportContentValidator : AbstractValidator<UpdateReportContentCommand>
{
    public UpdateReportContentValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new ReportContentInputValidator());
}

public sealed class UpdateReportContentHandler(IApplicationDbContext db, ReportById reports, WorkingCalendarSource calendars, GoverningFrameworkSource frameworks, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<UpdateReportContentCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(UpdateReportContentCommand request, CancellationToken cancellationToken)
    {
        var report = await db.GetReportForUpdateAsync(reports, request.Id, request.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var stamps = await ReferenceStamps.ReadAsync(db, report.AssessmentYear, cancellationToken);
        var terms = await db.TermsAsync(config, await calendars.GetAsync(db, stamps, cancellationToken), frameworks, report, cancellationToken, stamps);
        await db.EnsureEvidenceOfAgencyAsync(report.AgencyId, request.Body.Entries ?? [], cancellationToken);
        var offers = await db.ContributionOffersAsync(report, request.Body.Entries ?? [], cancellationToken);
        report.ReplaceContent(request.Body.ToSpec(), terms.Answerable, offers, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(report, config, cancellationToken);
    }
}
