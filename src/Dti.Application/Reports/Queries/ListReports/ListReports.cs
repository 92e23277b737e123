using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Reports.Queries.ListReports;

/// <summary>
/// Reports, most recently changed first, filtered by agency, kind, state, assessment year, period and plan. Agency
/// reporters see their own agencies' reports; readers and the ministry see accepted reports only.
/// </summary>
public sealed record ListReportsQuery(
    PageRequest Paging, Guid? AgencyId, ReportKind? Kind, ReportState? State, int? AssessmentYear, string? PeriodId, Guid? PlanId)
    : IRequest<PagedList<ReportSummaryDto>>, IAgencyFiltered;

public sealed class ListReportsValidator : AbstractValidator<ListReportsQuery>
{
    public ListReportsValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Kind).IsDefinedEnum().When(q => q.Kind is not null);
        RuleFor(q => q.State).IsDefinedEnum().When(q => q.State is not null);
        RuleFor(q => q.AssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.PeriodId).MaximumLength(ReportingPeriod.IdMaxLength)
            .Matches(ReportingPeriod.IdPattern).WithMessage("'periodId' must be a period such as 2023Q4, 2023H1, 2023M11 or 2023.");
    }
}

public sealed class ListReportsHandler(IApplicationDbContext db, AgencyContext agencies, ICurrentClient client, TypeAdapterConfig config)
    : IRequestHandler<ListReportsQuery, PagedList<ReportSummaryDto>>
{
    public Task<PagedList<ReportSummaryDto>> Handle(ListReportsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Reports.AsNoTracking().VisibleTo(client);
        if (agencies.VisibleAgencies is { } visible)
        {
            var own = visible.ToList();
            query = query.Where(r => own.Contains(r.AgencyId));
        }

        query = query.WhereIf(request.AgencyId, agency => r => r.AgencyId == agency)
            .WhereIf(request.Kind, kind => r => r.Kind == kind)
            .WhereIf(request.State, state => r => r.State == state)
            .WhereIf(request.AssessmentYear, year => r => r.AssessmentYear == year)
            .WhereIf(request.PeriodId, period => r => r.PeriodId == period)
            .WhereIf(request.PlanId, plan => r => r.PlanId == plan);

        var ordered = query.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id);
        return PagedList<ReportSummaryDto>.CreateAsync(ordered.ProjectToType<ReportSummaryDto>(config), request.Paging, cancellationToken);
    }
}
