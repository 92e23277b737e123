using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using Dti.Application.Common.Models;

namespace Dti.Application.Assignments.Queries.ListIndexAssignments;

/// <summary>Who answers for an index in an assessment year: its assignments in every plan covering that year, a page at a time.</summary>
public sealed record ListIndexAssignmentsQuery(int Year, string IndexCode, PageRequest Paging) : IRequest<PagedList<PlanAssignmentDto>>;

public sealed class ListIndexAssignmentsValidator : AbstractValidator<ListIndexAssignmentsQuery>
{
    public ListIndexAssignmentsValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.IndexCode).NotEmpty().IndexCode();
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class ListIndexAssignmentsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListIndexAssignmentsQuery, PagedList<PlanAssignmentDto>>
{
    public async Task<PagedList<PlanAssignmentDto>> Handle(ListIndexAssignmentsQuery request, CancellationToken cancellationToken)
    {
        var plans = db.Plans.CoveringYear(request.Year).Select(p => p.Id);
        var assignments = db.IndexAssignments.Where(a => a.IndexCode == request.IndexCode && plans.Contains(a.PlanId));
        return PagedList<PlanAssignmentDto>.Of(await db.WithPlansAsync(config, assignments, _ => null, cancellationToken), request.Paging);
    }
}
