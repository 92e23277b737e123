using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.ReportRequests.Queries.ListReportRequests;

/// <summary>
/// Report requests, the latest issued first, with where their answers stand; filtered by kind, assessment year, issuer and
/// agency asked. Agency reporters see the requests their agencies issued or are asked by.
/// </summary>
public sealed record ListReportRequestsQuery(PageRequest Paging, ReportRequestKind? Kind, int? AssessmentYear, Guid? IssuerAgencyId, Guid? AskedAgencyId)
    : IRequest<PagedList<ReportRequestDto>>, IAgencyFiltered;

public sealed class ListReportRequestsValidator : AbstractValidator<ListReportRequestsQuery>
{
    public ListReportRequestsValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Kind).IsDefinedEnum().When(q => q.Kind is not null);
        RuleFor(q => q.AssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
    }
}

public sealed class ListReportRequestsHandler(IApplicationDbContext db, AgencyContext agencies, TypeAdapterConfig config)
    : IRequestHandler<ListReportRequestsQuery, PagedList<ReportRequestDto>>
{
    public async Task<PagedList<ReportRequestDto>> Handle(ListReportRequestsQuery request, CancellationToken cancellationToken)
    {
        var query = db.ReportRequests.AsNoTracking();
        if (agencies.VisibleAgencies is { } visible)
        {
            var own = visible.ToList();
            query = query.Where(r => own.Contains(r.IssuerAgencyId) || r.AskedAgencies.Any(a => own.Contains(a.AgencyId)));
        }

        query = query.WhereIf(request.Kind, kind => r => r.Kind == kind)
            .WhereIf(request.AssessmentYear, year => r => r.AssessmentYear == year)
            .WhereIf(request.IssuerAgencyId, issuer => r => r.IssuerAgencyId == issuer)
            .WhereIf(request.AskedAgencyId, asked => r => r.AskedAgencies.Any(a => a.AgencyId == asked));

        var page = await PagedList<ReportRequest>.CreateAsync(query.OrderByDescending(r => r.IssuedOn).ThenByDescending(r => r.Id), request.Paging, cancellationToken);
        return page.WithItems(await db.WithAnswersAsync(page.Items, config, cancellationToken));
    }
}
