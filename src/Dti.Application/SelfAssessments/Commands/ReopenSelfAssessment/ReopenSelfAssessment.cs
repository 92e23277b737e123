using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.SelfAssessments.Commands.ReopenSelfAssessment;

/// <summary>Opens a finalised self-assessment again to prepare the next revision; the revisions finalised stay as they are.</summary>
public sealed record ReopenSelfAssessmentCommand(int Year, int? ExpectedVersion) : IRequest<Versioned<SelfAssessmentDto>>;

public sealed class ReopenSelfAssessmentValidator : AbstractValidator<ReopenSelfAssessmentCommand>
{
    public ReopenSelfAssessmentValidator() => RuleFor(c => c.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

public sealed class ReopenSelfAssessmentHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<ReopenSelfAssessmentCommand, Versioned<SelfAssessmentDto>>
{
    public async Task<Versioned<SelfAssessmentDto>> Handle(ReopenSelfAssessmentCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var assessment = await db.GetSelfAssessmentAsync(request.Year, request.ExpectedVersion, cancellationToken);
        assessment.Reopen(now);
        await db.SaveChangesAsync(cancellationToken);
        return new(await db.ConsolidateAsync(config, calendars, assessment, now, cancellationToken), assessment.Version);
    }
}
