using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Deadlines.Commands.UpdateDeadlineRule;

/// <summary>Replaces a deadline rule. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateDeadlineRuleCommand(Guid Id, DeadlineRuleInput Body, int? ExpectedVersion) : IRequest<Versioned<DeadlineRuleDto>>;

public sealed class UpdateDeadlineRuleValidator : AbstractValidator<UpdateDeadlineRuleCommand>
{
    public UpdateDeadlineRuleValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new DeadlineRuleInputValidator());
}

public sealed class UpdateDeadlineRuleHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<UpdateDeadlineRuleCommand, Versioned<DeadlineRuleDto>>
{
    public async Task<Versioned<DeadlineRuleDto>> Handle(UpdateDeadlineRuleCommand request, CancellationToken cancellationToken)
    {
        var definition = await db.GetRuleAsync(request.Id, request.ExpectedVersion, tracked: true, cancellationToken);
        var rule = request.Body.ToRule();
        await db.EnsureNameFreeAsync(rule.Name, definition.Id, cancellationToken);
        definition.Redefine(rule, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return definition.Adapt<Versioned<DeadlineRuleDto>>(config);
    }
}
