using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks.Queries.GetFrameworkForYear;

/// <summary>The framework that governs an assessment year (e.g. 2022 → QĐ 922).</summary>
public sealed record GetFrameworkForYearQuery(int Year) : IRequest<Versioned<FrameworkDto>>;

public sealed class GetFrameworkForYearValidator : AbstractValidator<GetFrameworkForYearQuery>
{
    public GetFrameworkForYearValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

public sealed class GetFrameworkForYearHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetFrameworkForYearQuery, Versioned<FrameworkDto>>
{
    public async Task<Versioned<FrameworkDto>> Handle(GetFrameworkForYearQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year;
        var framework = await db.Frameworks.AsNoTracking().WithTree()
            .Governing(year)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Framework for assessment year", year.ToString(CultureInfo.InvariantCulture));
        return framework.Adapt<Versioned<FrameworkDto>>(config);
    }
}
