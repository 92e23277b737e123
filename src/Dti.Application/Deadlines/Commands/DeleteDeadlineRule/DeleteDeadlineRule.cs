using Dti.Application.Common.Interfaces;
using Dti.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Deadlines.Commands.DeleteDeadlineRule;

/// <summary>Deletes a deadline rule. A rule some plan reports by answers 409 <c>deadline-rule.in-use</c>, naming the plans.</summary>
public sealed record DeleteDeadlineRuleCommand(Guid Id, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteDeadlineRuleHandler(IApplicationDbContext db) : IRequestHandler<DeleteDeadlineRuleCommand, Unit>
{
    public async Task<Unit> Handle(DeleteDeadlineRuleCommand request, CancellationToken cancellationToken)
    {
        var rule = await db.GetRuleAsync(request.Id, request.ExpectedVersion, tracked: true, cancellationToken);
        var plans = await db.Plans.Where(p => p.ReportingRules.Any(r => r.DeadlineRuleId == rule.Id))
            .OrderBy(p => p.DocumentNumber).Select(p => p.DocumentNumber).ToListAsync(cancellationToken);
        if (plans.Count > 0)
        {
            throw DomainException.Conflict(
                "deadline-rule.in-use", $"Deadline rule '{rule.Name}' is a reporting rule of {string.Join(", ", plans)}; remove it from those plans first.");
        }

        db.DeadlineRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
