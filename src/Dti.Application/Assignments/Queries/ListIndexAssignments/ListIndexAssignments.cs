using Dti.Application.Common.Interfaces;
using Dti.Domain.Frameworks;
using FluentValidation;
using MediatR;

namespace Dti.Application.Assignments.Queries.ListIndexAssignments;

/// <summary>Who answers for an index in an assessment year: its assignments in every plan covering that year.</summary>
public sealed record ListIndexAssignmentsQuery(int Year, string IndexCode) : IRequest<IReadOnlyList<PlanAssignmentDto>>;

public sealed class ListIndexAssignmentsValidator : AbstractValidator<ListIndexAssignmentsQuery>
{
    public ListIndexAssignmentsValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.IndexCode).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength);
    }
}

public sealed class ListIndexAssignmentsHandler(IApplicationDbContext db) : IRequestHandler<ListIndexAssignmentsQuery, IReadOnlyList<PlanAssignmentDto>>
{
    public async Task<IReadOnlyList<PlanAssignmentDto>> Handle(ListIndexAssignmentsQuery request, CancellationToken cancellationToken)
    {
        var plans = db.Plans.CoveringYear(request.Year).Select(p => p.Id);
        var assignments = db.IndexAssignments.Where(a => a.IndexCode == request.IndexCode && plans.Contains(a.PlanId));
        return await db.WithPlansAsync(assignments, _ => null, cancellationToken);
    }
}
