using Dti.Application.Common.Interfaces;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Queries.ListSnapshotPulls;

/// <summary>Who pulled which revision of a year's snapshots when, most recent first: the province sees the ministry has it. 404 before the first finalisation.</summary>
public sealed record ListSnapshotPullsQuery(int Year) : IRequest<SnapshotPullListDto>;

/// <param name="AssessmentYear">The year.</param>
/// <param name="Items">The pulls, most recent first (at most <see cref="ListSnapshotPullsHandler.MaxPulls"/>).</param>
public sealed record SnapshotPullListDto(int AssessmentYear, IReadOnlyList<SnapshotPullDto> Items);

public sealed class ListSnapshotPullsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListSnapshotPullsQuery, SnapshotPullListDto>
{
    public const int MaxPulls = 1000;

    public async Task<SnapshotPullListDto> Handle(ListSnapshotPullsQuery request, CancellationToken cancellationToken) =>
        !await db.SelfAssessmentSnapshots.AnyAsync(s => s.AssessmentYear == request.Year, cancellationToken)
            ? throw SelfAssessmentConsolidation.NoSnapshots(request.Year)
            : new(request.Year, await db.SnapshotPulls.AsNoTracking().Where(p => p.AssessmentYear == request.Year).OrderByDescending(p => p.At).ThenByDescending(p => p.Id)
            .Take(MaxPulls).ProjectToType<SnapshotPullDto>(config).ToListAsync(cancellationToken));
}
