using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.SelfAssessments.Queries.GetSelfAssessment;

/// <summary>A year's self-assessment consolidated as of now (404 before the coordinator opens it).</summary>
public sealed record GetSelfAssessmentQuery(int Year) : IRequest<Versioned<SelfAssessmentDto>>;

public sealed class GetSelfAssessmentValidator : AbstractValidator<GetSelfAssessmentQuery>
{
    public GetSelfAssessmentValidator() => RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

public sealed class GetSelfAssessmentHandler(IApplicationDbContext db, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<GetSelfAssessmentQuery, Versioned<SelfAssessmentDto>>
{
    public async Task<Versioned<SelfAssessmentDto>> Handle(GetSelfAssessmentQuery request, CancellationToken cancellationToken)
    {
        var assessment = await db.GetSelfAssessmentAsync(request.Year, null, cancellationToken);
        return new(await db.ConsolidateAsync(config, calendars, assessment, clock.GetUtcNow(), cancellationToken), assessment.Version);
    }
}
