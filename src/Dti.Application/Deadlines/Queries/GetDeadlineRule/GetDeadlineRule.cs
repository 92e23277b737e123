using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Deadlines.Queries.GetDeadlineRule;

/// <summary>One deadline rule with its Vietnamese and English wording.</summary>
public sealed record GetDeadlineRuleQuery(Guid Id) : IRequest<Versioned<DeadlineRuleDto>>;

public sealed class GetDeadlineRuleHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetDeadlineRuleQuery, Versioned<DeadlineRuleDto>>
{
    public async Task<Versioned<DeadlineRuleDto>> Handle(GetDeadlineRuleQuery request, CancellationToken cancellationToken) =>
        await db.DeadlineRules.Where(r => r.Id == request.Id).ProjectToType<Versioned<DeadlineRuleDto>>(config).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Deadline rule", request.Id.ToString());
}
