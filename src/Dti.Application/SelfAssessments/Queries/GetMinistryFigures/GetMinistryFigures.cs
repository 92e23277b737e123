using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Queries.GetMinistryFigures;

/// <summary>The ministry's numbers imported for a snapshot revision, with the version to send as If-Match; 404 before the first import.</summary>
public sealed record GetMinistryFiguresQuery(int Year, int Revision) : IRequest<Versioned<MinistryFiguresDto>>;

public sealed class GetMinistryFiguresValidator : AbstractValidator<GetMinistryFiguresQuery>
{
    public GetMinistryFiguresValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.Revision).InclusiveBetween(1, SelfAssessmentLimits.MaxRevision);
    }
}

public sealed class GetMinistryFiguresHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetMinistryFiguresQuery, Versioned<MinistryFiguresDto>>
{
    public async Task<Versioned<MinistryFiguresDto>> Handle(GetMinistryFiguresQuery request, CancellationToken cancellationToken)
    {
        var set = await db.MinistryFigureSets.AsNoTracking().Include(s => s.Figures)
            .SingleOrDefaultAsync(s => s.AssessmentYear == request.Year && s.Revision == request.Revision, cancellationToken)
            ?? throw new NotFoundException("Ministry figures of snapshot", string.Create(CultureInfo.InvariantCulture, $"{request.Year} revision {request.Revision}"));
        return set.Adapt<Versioned<MinistryFiguresDto>>(config);
    }
}
