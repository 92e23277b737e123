using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Queries.ListSnapshots;

/// <summary>The finalised revisions of a year's self-assessment, oldest first; 404 before the first finalisation.</summary>
public sealed record ListSnapshotsQuery(int Year) : IRequest<SnapshotListDto>;

public sealed class ListSnapshotsValidator : AbstractValidator<ListSnapshotsQuery>
{
    public ListSnapshotsValidator() => RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

/// <param name="AssessmentYear">The year.</param>
/// <param name="Items">Its revisions, oldest first.</param>
public sealed record SnapshotListDto(
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    [property: MaxLength(SelfAssessmentLimits.MaxRevision)] IReadOnlyList<SnapshotSummaryDto> Items);

public sealed class ListSnapshotsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListSnapshotsQuery, SnapshotListDto>
{
    public async Task<SnapshotListDto> Handle(ListSnapshotsQuery request, CancellationToken cancellationToken)
    {
        var snapshots = await db.SelfAssessmentSnapshots.AsNoTracking().Where(s => s.AssessmentYear == request.Year).OrderBy(s => s.Revision)
            .ProjectToType<SnapshotSummaryDto>(config).ToListAsync(cancellationToken);
        return snapshots.Count > 0 ? new(request.Year, snapshots) : throw SelfAssessmentConsolidation.NoSnapshots(request.Year);
    }
}
