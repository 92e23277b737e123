using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Frameworks;
using Dti.Application.Reports;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.ReportRequests.Queries.ListContributions;

/// <summary>
/// The contributions made to a lead agency (answers to the requests it issued), the latest changed first, each with the
/// entries of its latest version submitted and not withdrawn or returned — the values the lead may take into its own
/// report, citing them as sources.
/// Filter by assessment year, request and index.
/// </summary>
public sealed record ListContributionsQuery(Guid AgencyId, PageRequest Paging, int? AssessmentYear, Guid? ReportRequestId, string? IndexCode)
    : IRequest<PagedList<ContributionDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(AgencyId);
}

public sealed class ListContributionsValidator : AbstractValidator<ListContributionsQuery>
{
    public ListContributionsValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.AssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.IndexCode).IndexCode();
    }
}

public sealed class ListContributionsHandler(IApplicationDbContext db, TypeAdapterConfig config)
    : IRequestHandler<ListContributionsQuery, PagedList<ContributionDto>>
{
    public async Task<PagedList<ContributionDto>> Handle(ListContributionsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Reports.AsNoTracking().Where(r => r.Kind == ReportKind.Contribution && r.ReviewingAgencyId == request.AgencyId);
        query = query.WhereIf(request.AssessmentYear, year => r => r.AssessmentYear == year)
            .WhereIf(request.ReportRequestId, requestId => r => r.ReportRequestId == requestId);

        if (request.IndexCode is { } code)
        {
            var asking = db.ReportRequests.Where(q => q.AskedIndices.Any(i => i.IndexCode == code)).Select(q => (Guid?)q.Id);
            query = query.Where(r => asking.Contains(r.ReportRequestId));
        }

        var page = await PagedList<ContributionDto>.CreateAsync(
            query.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).ProjectToType<ContributionDto>(config), request.Paging, cancellationToken);

        // One query for the usable versions of the whole page; the latest of each report is shown.
        var ids = page.Items.Select(c => c.ReportId).ToList();
        var versions = await db.ReportVersions.AsNoTracking()
            .Where(v => ids.Contains(v.ReportId) && (v.Outcome == ReportVersionOutcome.Pending || v.Outcome == ReportVersionOutcome.Accepted))
            .Select(v => new { v.ReportId, v.Number, v.Content })
            .ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        return page.WithItems([.. page.Items.Select(c => latest.TryGetValue(c.ReportId, out var version)
            ? c with
            {
                VersionNumber = version.Number,
                Entries = [.. ReportDocument.FromJson(version.Content).Adapt<ReportContentDto>(config).Entries
                    .Where(e => request.IndexCode is null || string.Equals(e.IndexCode, request.IndexCode, StringComparison.OrdinalIgnoreCase))],
            }
            : c with { VersionNumber = null, Entries = [] })]);
    }
}
