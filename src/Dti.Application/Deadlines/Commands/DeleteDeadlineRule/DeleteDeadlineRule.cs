using Dti.Application.Common.Interfaces;
using MediatR;

namespace Dti.Application.Deadlines.Commands.DeleteDeadlineRule;

/// <summary>Deletes a deadline rule. Nothing references rules yet; once obligations do, a referenced rule will answer 409.</summary>
public sealed record DeleteDeadlineRuleCommand(Guid Id, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteDeadlineRuleHandler(IApplicationDbContext db) : IRequestHandler<DeleteDeadlineRuleCommand, Unit>
{
    public async Task<Unit> Handle(DeleteDeadlineRuleCommand request, CancellationToken cancellationToken)
    {
        var rule = await db.GetRuleAsync(request.Id, request.ExpectedVersion, tracked: true, cancellationToken);
        db.DeadlineRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
