using System.Globalization;
using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Plans;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.ReportRequests.Commands.IssueReportRequest;

/// <summary>
/// Issues a request for reports: the coordinator's ad hoc request to any agencies (<paramref name="LeadAgencyId"/> null,
/// the issuer in the body), or a lead agency's request to its cooperating agencies for contributions
/// (<paramref name="LeadAgencyId"/> from the path; the lead must lead every index asked in the assessment year, and every
/// agency asked must cooperate on one of them).
/// </summary>
public sealed record IssueReportRequestCommand(ReportRequestInput Body, Guid? LeadAgencyId) : IRequest<ReportRequestDto>, IAgencyScoped
{
    public ReportRequestKind Kind => LeadAgencyId is null ? ReportRequestKind.AdHoc : ReportRequestKind.Contribution;

    public Guid IssuerAgencyId => LeadAgencyId ?? Body?.IssuerAgencyId ?? Guid.Empty;

    public AgencyScope Scope => AgencyScope.Agency(IssuerAgencyId);
}

public sealed class IssueReportRequestValidator : AbstractValidator<IssueReportRequestCommand>
{
    public IssueReportRequestValidator()
    {
        RuleFor(c => c.Body).NotNull().SetValidator(new ReportRequestInputValidator());
        RuleFor(c => c.Body.IssuerAgencyId).NotEmpty().OverridePropertyName("issuerAgencyId")
            .WithMessage("An ad hoc request names its issuer, the coordinating department: 'issuerAgencyId' is required.")
            .When(c => c.Body is not null && c.LeadAgencyId is null);
        RuleFor(c => c.Body.IssuerAgencyId).Null().OverridePropertyName("issuerAgencyId")
            .WithMessage("A contribution request is issued by the lead agency in the path: leave 'issuerAgencyId' out.")
            .When(c => c.Body is not null && c.LeadAgencyId is not null);
    }
}

public sealed class IssueReportRequestHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<IssueReportRequestCommand, ReportRequestDto>
{
    public async Task<ReportRequestDto> Handle(IssueReportRequestCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var now = clock.GetUtcNow();
        var agencies = body.AskedAgencyIds!.Append(command.IssuerAgencyId).Distinct().ToList();
        var known = await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        if (!known.Contains(command.IssuerAgencyId))
        {
            throw new DomainException("report-request.unknown-agency", $"Agency '{command.IssuerAgencyId}' does not exist.", "issuerAgencyId");
        }

        for (var i = 0; i < body.AskedAgencyIds!.Count; i++)
        {
            if (!known.Contains(body.AskedAgencyIds[i]))
            {
                throw new DomainException("report-request.unknown-agency", $"Agency '{body.AskedAgencyIds[i]}' does not exist.", $"askedAgencyIds[{i}]");
            }
        }

        var framework = await db.GoverningFrameworkAsync(body.AssessmentYear, cancellationToken, "assessmentYear");
        var indices = Domain.Reports.AnswerableIndex.Of(framework, body.AskedIndexCodes!);
        var codes = new List<string>(body.AskedIndexCodes!.Count);
        for (var i = 0; i < body.AskedIndexCodes.Count; i++)
        {
            codes.Add(indices.TryGetValue(body.AskedIndexCodes[i], out var index)
                ? index.Code
                : throw new DomainException(
                    "report-request.unknown-index",
                    $"Index '{body.AskedIndexCodes[i]}' is not in the framework governing {body.AssessmentYear.ToString(CultureInfo.InvariantCulture)}.",
                    $"askedIndexCodes[{i}]"));
        }

        if (command.Kind == ReportRequestKind.Contribution)
        {
            await CheckLeadAndCooperatorsAsync(command.IssuerAgencyId, body, codes, cancellationToken);
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var request = ReportRequest.Issue(
            new ReportRequestSpec(command.Kind, command.IssuerAgencyId, body.Topic, body.AssessmentYear, body.IssuedOn ?? VietnamClock.Today(clock),
                body.DueDate, body.DueWorkingDays, body.AskedAgencyIds, codes, body.IsSample),
            calendar,
            now);
        db.ReportRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.WithAnswersAsync([request], config, cancellationToken))[0];
    }

    /// <summary>
    /// A lead asks about the indices it leads in the assessment year, of the agencies that cooperate on them (under the
    /// issued plans covering that year): 422 naming the first index or agency that breaks this.
    /// </summary>
    private async Task CheckLeadAndCooperatorsAsync(Guid lead, ReportRequestInput body, List<string> codes, CancellationToken cancellationToken)
    {
        var year = body.AssessmentYear;
        var plans = db.Plans.Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year).Select(p => p.Id);
        var assignments = await db.IndexAssignments.AsNoTracking()
            .Where(a => plans.Contains(a.PlanId) && codes.Contains(a.IndexCode) && a.LeadAgencyId == lead)
            .Select(a => new { a.IndexCode, Cooperators = a.Cooperators.Select(c => c.AgencyId).ToList() })
            .ToListAsync(cancellationToken);
        var led = assignments.Select(a => a.IndexCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notLed = codes.FindIndex(c => !led.Contains(c));
        if (notLed >= 0)
        {
            throw new DomainException(
                "report-request.not-lead",
                $"The agency does not lead index '{codes[notLed]}' under an issued plan covering {year.ToString(CultureInfo.InvariantCulture)}; a lead asks for contributions to the indices it leads.",
                $"askedIndexCodes[{notLed}]");
        }

        var cooperating = assignments.SelectMany(a => a.Cooperators).ToHashSet();
        for (var i = 0; i < body.AskedAgencyIds!.Count; i++)
        {
            if (body.AskedAgencyIds[i] != lead && !cooperating.Contains(body.AskedAgencyIds[i]))
            {
                throw new DomainException(
                    "report-request.not-cooperating",
                    $"Agency '{body.AskedAgencyIds[i]}' does not cooperate on any of the indices asked; a lead asks its cooperating agencies.",
                    $"askedAgencyIds[{i}]");
            }
        }
    }
}
