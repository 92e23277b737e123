using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Plans;
using Dti.Domain.Common;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Assignments.Commands.ReassignAssignment;

/// <summary>Gives an assignment a new lead and/or cooperators; who held it before, when and why are kept.</summary>
public sealed record ReassignAssignmentCommand(Guid PlanId, Guid Id, ReassignInput Body, int? ExpectedVersion) : IRequest<Versioned<AssignmentDto>>;

public sealed class ReassignAssignmentValidator : AbstractValidator<ReassignAssignmentCommand>
{
    public ReassignAssignmentValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new ReassignInputValidator());
}

public sealed class ReassignAssignmentHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<ReassignAssignmentCommand, Versioned<AssignmentDto>>
{
    public async Task<Versioned<AssignmentDto>> Handle(ReassignAssignmentCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var plan = await db.GetPlanAsync(request.PlanId, cancellationToken);
        var assignment = await db.GetAssignmentForUpdateAsync(request.PlanId, request.Id, request.ExpectedVersion, cancellationToken);
        var named = new List<(Guid Id, string Field)>();
        if (body.LeadAgencyId is { } lead)
        {
            named.Add((lead, "leadAgencyId"));
        }

        named.AddRange((body.CooperatingAgencyIds ?? []).Select((c, i) => (c, $"cooperatingAgencyIds[{i}]")));
        await db.RequireActiveAsync(named, VietnamClock.Today(clock), cancellationToken);
        assignment.Reassign(plan, body.LeadAgencyId, body.CooperatingAgencyIds, body.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Adapt<Versioned<AssignmentDto>>(config);
    }
}
