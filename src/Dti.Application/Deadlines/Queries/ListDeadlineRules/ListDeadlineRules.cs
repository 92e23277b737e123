using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Deadlines;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Deadlines.Queries.ListDeadlineRules;

/// <summary>Deadline rules by name; optionally only one frequency.</summary>
public sealed record ListDeadlineRulesQuery(PageRequest Paging, ReportingFrequency? Frequency) : IRequest<PagedList<DeadlineRuleDto>>;

public sealed class ListDeadlineRulesValidator : AbstractValidator<ListDeadlineRulesQuery>
{
    public ListDeadlineRulesValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Frequency).IsInEnum().When(q => q.Frequency is not null);
    }
}

public sealed class ListDeadlineRulesHandler(IApplicationDbContext db) : IRequestHandler<ListDeadlineRulesQuery, PagedList<DeadlineRuleDto>>
{
    public async Task<PagedList<DeadlineRuleDto>> Handle(ListDeadlineRulesQuery request, CancellationToken cancellationToken)
    {
        var query = db.DeadlineRules.AsNoTracking();
        if (request.Frequency is { } frequency)
        {
            query = query.Where(r => r.Frequency == frequency);
        }

        var page = await PagedList<DeadlineRuleDefinition>.CreateAsync(query.OrderBy(r => r.Name).ThenBy(r => r.Id), request.Paging, cancellationToken);
        return new PagedList<DeadlineRuleDto>([.. page.Items.Select(DeadlineRuleDto.From)], page.Page, page.PageSize, page.TotalCount);
    }
}
