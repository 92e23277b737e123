using System.Globalization;
using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Plans;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Commands.OpenSelfAssessment;

/// <summary>
/// The coordinator opens a year's self-assessment under the framework governing the year, with its own deadline from an
/// annual rule (Quảng Bình 2351/UBND-KSTT: before 15/01 of the next year). A year has one self-assessment (409).
/// </summary>
public sealed record OpenSelfAssessmentCommand(OpenSelfAssessmentInput Body) : IRequest<Versioned<SelfAssessmentDto>>;

public sealed class OpenSelfAssessmentValidator : AbstractValidator<OpenSelfAssessmentCommand>
{
    public OpenSelfAssessmentValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new OpenSelfAssessmentInputValidator());
}

public sealed class OpenSelfAssessmentHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<OpenSelfAssessmentCommand, Versioned<SelfAssessmentDto>>
{
    public async Task<Versioned<SelfAssessmentDto>> Handle(OpenSelfAssessmentCommand request, CancellationToken cancellationToken)
    {
        var year = request.Body.AssessmentYear!.Value;
        var now = clock.GetUtcNow();
        var framework = await db.GoverningFrameworkAsync(year, cancellationToken, "assessmentYear");
        var rule = await db.DeadlineRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Body.DeadlineRuleId, cancellationToken)
            ?? throw new DomainException("self-assessment.unknown-rule", $"Deadline rule '{request.Body.DeadlineRuleId}' does not exist.", "deadlineRuleId");
        if (rule.Frequency != ReportingFrequency.Annual)
        {
            throw new DomainException("self-assessment.rule-not-annual", $"Rule '{rule.Name}' is {rule.Frequency}; a self-assessment is due once a year, by an annual rule.", "deadlineRuleId");
        }

        if (await db.SelfAssessments.AnyAsync(s => s.AssessmentYear == year, cancellationToken))
        {
            throw DomainException.Conflict("self-assessment.exists", $"The self-assessment of {year.ToString(CultureInfo.InvariantCulture)} is already open; reopen it to prepare a new revision.", "assessmentYear");
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var deadline = DeadlineCalculator.For(rule.ToRule(), ReportingPeriod.Parse(year.ToString(CultureInfo.InvariantCulture)), calendar);
        var assessment = SelfAssessment.Open(year, framework, rule.Id, deadline.LastAllowedDay, now);
        db.SelfAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return new(await db.ConsolidateAsync(config, calendars, assessment, now, cancellationToken), assessment.Version);
    }
}
