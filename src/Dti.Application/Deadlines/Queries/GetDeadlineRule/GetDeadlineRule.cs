using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using MediatR;

namespace Dti.Application.Deadlines.Queries.GetDeadlineRule;

/// <summary>One deadline rule with its Vietnamese and English wording.</summary>
public sealed record GetDeadlineRuleQuery(Guid Id) : IRequest<Versioned<DeadlineRuleDto>>;

public sealed class GetDeadlineRuleHandler(IApplicationDbContext db) : IRequestHandler<GetDeadlineRuleQuery, Versioned<DeadlineRuleDto>>
{
    public async Task<Versioned<DeadlineRuleDto>> Handle(GetDeadlineRuleQuery request, CancellationToken cancellationToken)
    {
        var rule = await db.GetRuleAsync(request.Id, null, tracked: false, cancellationToken);
        return new Versioned<DeadlineRuleDto>(DeadlineRuleDto.From(rule), rule.Version);
    }
}
