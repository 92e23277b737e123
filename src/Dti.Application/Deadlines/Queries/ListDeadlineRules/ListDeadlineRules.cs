using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Validation;
using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
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
        RuleFor(q => q.Frequency).IsDefinedEnum().When(q => q.Frequency is not null);
    }
}

public sealed class ListDeadlineRulesHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListDeadlineRulesQuery, PagedList<DeadlineRuleDto>>
{
    public Task<PagedList<DeadlineRuleDto>> Handle(ListDeadlineRulesQuery request, CancellationToken cancellationToken)
    {
        var query = db.DeadlineRules.AsNoTracking();
        query = query.WhereIf(request.Frequency, frequency => r => r.Frequency == frequency);

        return PagedList<DeadlineRuleDto>.CreateAsync(query.OrderBy(r => r.Name).ThenBy(r => r.Id).ProjectToType<DeadlineRuleDto>(config), request.Paging, cancellationToken);
    }
}
