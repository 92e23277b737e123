using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Queries.ListSnapshotPulls;

/// <summary>Who pulled which revision of a year's snapshots when, most recent first: the province sees the ministry has it. 404 before the first finalisation.</summary>
public sealed record ListSnapshotPullsQuery(int Year) : IRequest<SnapshotPullListDto>;

public sealed class ListSnapshotPullsValidator : AbstractValidator<ListSnapshotPullsQuery>
{
    public ListSnapshotPullsValidator() => RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

/// <param name="AssessmentYear">The year.</param>
/// <param name="Items">The pulls, most recent first (at most <see cref="SelfAssessmentLimits.MaxPullsListed"/>).</param>
public sealed record SnapshotPullListDto(
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    [property: MaxLength(SelfAssessmentLimits.MaxPullsListed)] IReadOnlyList<SnapshotPullDto> Items);

public sealed class ListSnapshotPullsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListSnapshotPullsQuery, SnapshotPullListDto>
{
    public async Task<SnapshotPullListDto> Handle(ListSnapshotPullsQuery request, CancellationToken cancellationToken) =>
        !await db.SelfAssessmentSnapshots.AnyAsync(s => s.AssessmentYear == request.Year, cancellationToken)
            ? throw SelfAssessmentConsolidation.NoSnapshots(request.Year)
            : new(request.Year, await db.SnapshotPulls.AsNoTracking().Where(p => p.AssessmentYear == request.Year).OrderByDescending(p => p.At).ThenByDescending(p => p.Id)
            .Take(SelfAssessmentLimits.MaxPullsListed).ProjectToType<SnapshotPullDto>(config).ToListAsync(cancellationToken));
}
