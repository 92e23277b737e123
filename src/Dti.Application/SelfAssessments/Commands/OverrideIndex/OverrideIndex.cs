using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.SelfAssessments.Commands.OverrideIndex;

/// <summary>
/// The coordinator replaces what the reports say about one index with a value and/or score and a reason. The reported
/// figures stay beside it, and the audit trail keeps every override with who made it.
/// </summary>
public sealed record OverrideIndexCommand(int Year, string IndexCode, OverrideIndexInput Body, int? ExpectedVersion) : IRequest<Versioned<SelfAssessmentDto>>;

public sealed class OverrideIndexValidator : AbstractValidator<OverrideIndexCommand>
{
    public OverrideIndexValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(c => c.IndexCode).NotEmpty().SingleLine(FrameworkLimits.IndexCodeMaxLength);
        RuleFor(c => c.Body).NotNull().SetValidator(new OverrideIndexInputValidator());
    }
}

public sealed class OverrideIndexHandler(IApplicationDbContext db, ICurrentClient client, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<OverrideIndexCommand, Versioned<SelfAssessmentDto>>
{
    public async Task<Versioned<SelfAssessmentDto>> Handle(OverrideIndexCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var assessment = await db.GetSelfAssessmentAsync(request.Year, request.ExpectedVersion, cancellationToken);
        var framework = await db.FrameworkOfAsync(assessment, cancellationToken);
        assessment.Override(framework, request.IndexCode, request.Body.Value, request.Body.Score, request.Body.Reason!, client.SelfAssessmentActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return new(await db.ConsolidateAsync(config, calendars, assessment, now, cancellationToken), assessment.Version);
    }
}
