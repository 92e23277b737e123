using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Application.Plans;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments.Queries.ListPlanAssignments;

/// <summary>The assignments of a plan, by index code; optionally those of one agency (lead or cooperating) or one index.</summary>
public sealed record ListPlanAssignmentsQuery(Guid PlanId, PageRequest Paging, Guid? AgencyId, string? IndexCode, string? Sort) : IRequest<PagedList<AssignmentDto>>;

public sealed class ListPlanAssignmentsValidator : AbstractValidator<ListPlanAssignmentsQuery>
{
    public static readonly string[] SortKeys = ["indexCode", "-indexCode"];

    public ListPlanAssignmentsValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.IndexCode).IndexCode();
        RuleFor(q => q.Sort).OneOf(SortKeys);
    }
}

public sealed class ListPlanAssignmentsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListPlanAssignmentsQuery, PagedList<AssignmentDto>>
{
    public async Task<PagedList<AssignmentDto>> Handle(ListPlanAssignmentsQuery request, CancellationToken cancellationToken)
    {
        var plan = await db.GetPlanAsync(request.PlanId, cancellationToken);
        var query = db.IndexAssignments.AsNoTracking().Include(a => a.Cooperators).Where(a => a.PlanId == plan.Id);
        query = query.WhereIf(request.AgencyId, agency => a => a.LeadAgencyId == agency || a.Cooperators.Any(c => c.AgencyId == agency));

        if (request.IndexCode is { Length: > 0 } code)
        {
            query = query.Where(a => a.IndexCode == code);
        }

        query = request.Sort == "-indexCode" ? query.OrderByDescending(a => a.IndexCode) : query.OrderBy(a => a.IndexCode);
        var page = await PagedList<Dti.Domain.Assignments.IndexAssignment>.CreateAsync(query, request.Paging, cancellationToken);
        return page.WithItems(page.Items.Adapt<List<AssignmentDto>>(config));
    }
}
