using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Plans;
using Dti.Domain.Assignments;
using Dti.Domain.Common;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments.Commands.CreateAssignment;

/// <summary>
/// Assigns one index of the framework governing the plan's first assessment year: one lead per index per plan,
/// cooperators never the lead, agencies active today, target points within the index's maximum.
/// </summary>
public sealed record CreateAssignmentCommand(Guid PlanId, AssignmentInput Body) : IRequest<Versioned<AssignmentDto>>;

public sealed class CreateAssignmentValidator : AbstractValidator<CreateAssignmentCommand>
{
    public CreateAssignmentValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AssignmentInputValidator());
}

public sealed class CreateAssignmentHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<CreateAssignmentCommand, Versioned<AssignmentDto>>
{
    public async Task<Versioned<AssignmentDto>> Handle(CreateAssignmentCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var plan = await db.GetPlanAsync(request.PlanId, cancellationToken);
        var governing = await db.GoverningFrameworkAsync(plan.FirstAssessmentYear, cancellationToken);
        var assignment = IndexAssignment.Create(plan, governing, body.IndexCode, body.LeadAgencyId, body.CooperatingAgencyIds, body.Terms(), clock.GetUtcNow());
        if (await db.IndexAssignments.AnyAsync(a => a.PlanId == plan.Id && a.IndexCode == assignment.IndexCode, cancellationToken))
        {
            throw DomainException.Conflict("assignment.duplicate-lead", $"Index '{assignment.IndexCode}' already has a lead agency in plan '{plan.DocumentNumber}'; reassign it instead.", "indexCode");
        }

        await db.RequireActiveAsync(AgencyQueries.HolderFields(body.LeadAgencyId, body.CooperatingAgencyIds), VietnamClock.Today(clock), cancellationToken);
        db.IndexAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Adapt<Versioned<AssignmentDto>>(config);
    }
}
