using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Agencies;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Compliance.Queries.GetCompliance;

/// <summary>
/// Each agency's record over [<see cref="From"/>, <see cref="To"/>] — reports owed as lead and how they came, tasks due,
/// indices led against their targets — who is behind first (<see cref="ComplianceOrder"/>), a page at a time. Agency
/// reporters see only their agencies.
/// </summary>
public sealed record GetComplianceQuery(DateOnly? From, DateOnly? To, AgencyKind? AgencyKind, Guid? AgencyId, PageRequest Paging)
    : IRequest<CompliancePageDto>, IAgencyFiltered;

public sealed class GetComplianceValidator : AbstractValidator<GetComplianceQuery>
{
    public GetComplianceValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull();
        RuleFor(q => q.AgencyKind).IsDefinedEnum();
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class GetComplianceHandler(IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, AgencyContext context, TimeProvider clock)
    : IRequestHandler<GetComplianceQuery, CompliancePageDto>
{
    public async Task<CompliancePageDto> Handle(GetComplianceQuery request, CancellationToken cancellationToken)
    {
        var filter = new ComplianceFilter(request.From, request.To, request.AgencyKind, request.AgencyId);
        var (agencies, from, to, asOf) = await ComplianceView.ComputeAsync(db, config, calendars, context.VisibleAgencies, clock, filter, cancellationToken);
        var page = PagedList<AgencyComplianceDto>.Of(agencies, request.Paging);
        return new CompliancePageDto(page.Items, page.Page, page.PageSize, page.TotalCount, page.TotalPages, from, to, asOf);
    }
}
