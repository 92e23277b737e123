using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Plans;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Assignments.Commands.UpdateAssignment;

/// <summary>Replaces an assignment's responsible person and targets. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateAssignmentCommand(Guid PlanId, Guid Id, AssignmentTermsInput Body, int? ExpectedVersion) : IRequest<Versioned<AssignmentDto>>;

public sealed class UpdateAssignmentValidator : AbstractValidator<UpdateAssignmentCommand>
{
    public UpdateAssignmentValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AssignmentTermsInputValidator());
}

public sealed class UpdateAssignmentHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<UpdateAssignmentCommand, Versioned<AssignmentDto>>
{
    public async Task<Versioned<AssignmentDto>> Handle(UpdateAssignmentCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanAsync(request.PlanId, cancellationToken);
        var assignment = await db.GetAssignmentForUpdateAsync(request.PlanId, request.Id, request.ExpectedVersion, cancellationToken);
        var governing = await db.GoverningFrameworkAsync(plan.FirstAssessmentYear, cancellationToken);
        assignment.Amend(plan, governing, request.Body.Terms(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Adapt<Versioned<AssignmentDto>>(config);
    }
}
