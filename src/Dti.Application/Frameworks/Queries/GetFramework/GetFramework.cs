using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks.Queries.GetFramework;

/// <summary>One framework with its whole tree.</summary>
public sealed record GetFrameworkQuery(string Code) : IRequest<Versioned<FrameworkDto>>;

public sealed class GetFrameworkValidator : AbstractValidator<GetFrameworkQuery>
{
    public GetFrameworkValidator() => RuleFor(q => q.Code).FrameworkCode();
}

public sealed class GetFrameworkHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetFrameworkQuery, Versioned<FrameworkDto>>
{
    public async Task<Versioned<FrameworkDto>> Handle(GetFrameworkQuery request, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking().WithTree().SingleOrDefaultAsync(f => f.Code == request.Code, cancellationToken)
            ?? throw new NotFoundException("Framework", request.Code);
        return framework.Adapt<Versioned<FrameworkDto>>(config);
    }
}
