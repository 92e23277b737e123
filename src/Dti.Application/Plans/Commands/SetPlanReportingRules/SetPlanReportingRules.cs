using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Plans.Commands.SetPlanReportingRules;

/// <summary>
/// Replaces the deadline rules a plan's lead agencies report by. Part of the plan: If-Match is the plan's ETag, the
/// plan's version moves on, and closed or superseded plans no longer change (409). Unknown rules are 422 naming
/// <c>ruleIds[i]</c>, and nothing changes.
/// </summary>
public sealed record SetPlanReportingRulesCommand(Guid PlanId, PlanReportingRulesInput Body, int? ExpectedVersion) : IRequest<Versioned<PlanReportingRulesDto>>;

public sealed class SetPlanReportingRulesValidator : AbstractValidator<SetPlanReportingRulesCommand>
{
    public SetPlanReportingRulesValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new PlanReportingRulesInputValidator());
}

public sealed class PlanReportingRulesInputValidator : AbstractValidator<PlanReportingRulesInput>
{
    public PlanReportingRulesInputValidator() =>
        RuleFor(r => r.RuleIds).NotNull().MaxItems(PlanLimits.MaxReportingRules)
            .WithMessage($"A plan reports by at most {PlanLimits.MaxReportingRules} rules.");
}

public sealed class SetPlanReportingRulesHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<SetPlanReportingRulesCommand, Versioned<PlanReportingRulesDto>>
{
    public async Task<Versioned<PlanReportingRulesDto>> Handle(SetPlanReportingRulesCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.Include(p => p.ReportingRules).SingleOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Plan", request.PlanId.ToString());
        PreconditionFailedException.ThrowIfStale("Plan", plan.Id.ToString(), plan.Version, request.ExpectedVersion);
        plan.EnsureOpen();

        var ids = request.Body.RuleIds;
        var distinct = ids.Distinct().ToList();
        var known = await db.DeadlineRules.Where(r => distinct.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        var unknown = ids.Select((id, i) => (id, i)).Where(x => !known.Contains(x.id))
            .ToDictionary(x => $"ruleIds[{x.i}]", x => new[] { $"Deadline rule '{x.id}' does not exist." });
        if (unknown.Count > 0)
        {
            throw new DomainException("plan.unknown-deadline-rule", "Every reporting rule must be a stored deadline rule.", unknown);
        }

        plan.SetReportingRules(ids, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<PlanReportingRulesDto>(await db.ReadReportingRulesAsync(config, plan.Id, cancellationToken), plan.Version);
    }
}
