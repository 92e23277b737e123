using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.Reports;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports.Commands.CreateReport;

/// <summary>
/// Starts a draft report for one of the caller's agencies: against a periodic obligation that exists (issued plan, the
/// plan's rule, a period it asks for, the agency leading indices), or against a request that asks the agency. An agency
/// answers each obligation or request once (409).
/// </summary>
public sealed record CreateReportCommand(CreateReportInput Body) : IRequest<Versioned<ReportDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(Body?.AgencyId ?? Guid.Empty);
}

public sealed class CreateReportValidator : AbstractValidator<CreateReportCommand>
{
    public CreateReportValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new CreateReportInputValidator());
}

public sealed class CreateReportHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<CreateReportCommand, Versioned<ReportDto>>
{
    public async Task<Versioned<ReportDto>> Handle(CreateReportCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var now = clock.GetUtcNow();
        if (!await db.Agencies.AnyAsync(a => a.Id == body.AgencyId, cancellationToken))
        {
            throw new DomainException("report.unknown-agency", $"Agency '{body.AgencyId}' does not exist.", "agencyId");
        }

        var report = body.Kind == ReportKind.Periodic
            ? await PeriodicAsync(body, now, cancellationToken)
            : await ForRequestAsync(body, now, cancellationToken);
        var existing = await db.Reports.Where(r => r.AgencyId == report.AgencyId && r.SubjectKey == report.SubjectKey).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            throw DomainException.Conflict("report.exists", $"The agency already has report {id} for this obligation or request; edit that one.");
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(report, config, cancellationToken);
    }

    private async Task<Report> PeriodicAsync(CreateReportInput body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var obligation = await db.ObligationOfAsync(config, calendar, body.AgencyId, body.PlanId!.Value, body.DeadlineRuleId!.Value, body.PeriodId!, now, cancellationToken);
        return Report.CreatePeriodic(body.AgencyId, obligation.Plan.Id, obligation.Rule.Id, ReportingPeriod.Parse(obligation.PeriodId), body.IsSample, now);
    }

    private async Task<Report> ForRequestAsync(CreateReportInput body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await db.ReportRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == body.ReportRequestId, cancellationToken)
            ?? throw new DomainException("report.unknown-request", $"Report request '{body.ReportRequestId}' does not exist.", "reportRequestId");
        var expected = request.Kind == ReportRequestKind.Contribution ? ReportKind.Contribution : ReportKind.AdHoc;
        if (body.Kind != expected)
        {
            throw new DomainException("report.kind-mismatch", $"Request '{request.Topic}' asks for {expected} reports, not {body.Kind}.", "kind");
        }

        return Report.CreateFor(request, body.AgencyId, body.IsSample, now);
    }
}
