using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks.Queries.ListFrameworks;

/// <summary>Frameworks, newest first by default; optionally only one status or the one governing a year.</summary>
public sealed record ListFrameworksQuery(PageRequest Paging, FrameworkStatus? Status, int? Year, string? Sort) : IRequest<PagedList<FrameworkSummaryDto>>;

public sealed class ListFrameworksValidator : AbstractValidator<ListFrameworksQuery>
{
    public static readonly string[] SortKeys = ["firstAssessmentYear", "-firstAssessmentYear", "code", "-code", "issueDate", "-issueDate"];

    public ListFrameworksValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Status).IsDefinedEnum().When(q => q.Status is not null);
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.Sort).OneOf(SortKeys);
    }
}

public sealed class ListFrameworksHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListFrameworksQuery, PagedList<FrameworkSummaryDto>>
{
    public Task<PagedList<FrameworkSummaryDto>> Handle(ListFrameworksQuery request, CancellationToken cancellationToken)
    {
        var query = db.Frameworks.AsNoTracking();
        query = query.WhereIf(request.Status, status => f => f.Status == status);

        if (request.Year is { } year)
        {
            query = query.Governing(year);
        }

        query = request.Sort switch
        {
            "code" => query.OrderBy(f => f.Code),
            "-code" => query.OrderByDescending(f => f.Code),
            "issueDate" => query.OrderBy(f => f.IssueDate).ThenBy(f => f.Code),
            "-issueDate" => query.OrderByDescending(f => f.IssueDate).ThenBy(f => f.Code),
            "firstAssessmentYear" => query.OrderBy(f => f.FirstAssessmentYear).ThenBy(f => f.Code),
            _ => query.OrderByDescending(f => f.FirstAssessmentYear).ThenBy(f => f.Code),
        };

        return PagedList<FrameworkSummaryDto>.CreateAsync(query.ProjectToType<FrameworkSummaryDto>(config), request.Paging, cancellationToken);
    }
}
