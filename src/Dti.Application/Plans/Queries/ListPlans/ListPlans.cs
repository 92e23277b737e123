using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Plans.Queries.ListPlans;

/// <summary>Plans, newest issue date first unless <see cref="Sort"/> says otherwise.</summary>
public sealed record ListPlansQuery(PageRequest Paging, PlanKind? Kind, PlanStatus? Status, Guid? IssuerAgencyId, int? Year, Guid? ParentPlanId, string? Sort)
    : IRequest<PagedList<PlanSummaryDto>>;

public sealed class ListPlansValidator : AbstractValidator<ListPlansQuery>
{
    public static readonly string[] SortKeys = ["issueDate", "-issueDate", "documentNumber", "-documentNumber"];

    public ListPlansValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Kind).IsDefinedEnum().When(q => q.Kind is not null);
        RuleFor(q => q.Status).IsDefinedEnum().When(q => q.Status is not null);
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.Sort).OneOf(SortKeys);
    }
}

public sealed class ListPlansHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListPlansQuery, PagedList<PlanSummaryDto>>
{
    public Task<PagedList<PlanSummaryDto>> Handle(ListPlansQuery request, CancellationToken cancellationToken)
    {
        var query = db.Plans.AsNoTracking();
        query = query.WhereIf(request.Kind, kind => p => p.Kind == kind)
            .WhereIf(request.Status, status => p => p.Status == status)
            .WhereIf(request.IssuerAgencyId, issuer => p => p.IssuerAgencyId == issuer)
            .WhereIf(request.ParentPlanId, parent => p => p.ParentPlanId == parent)
            .WhereIf(request.Year, year => p => p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year);

        query = request.Sort switch
        {
            "issueDate" => query.OrderBy(p => p.IssueDate).ThenBy(p => p.DocumentNumber),
            "documentNumber" => query.OrderBy(p => p.DocumentNumber).ThenBy(p => p.IssueDate),
            "-documentNumber" => query.OrderByDescending(p => p.DocumentNumber).ThenBy(p => p.IssueDate),
            _ => query.OrderByDescending(p => p.IssueDate).ThenBy(p => p.DocumentNumber),
        };

        return PagedList<PlanSummaryDto>.CreateAsync(query.ProjectToType<PlanSummaryDto>(config), request.Paging, cancellationToken);
    }
}
