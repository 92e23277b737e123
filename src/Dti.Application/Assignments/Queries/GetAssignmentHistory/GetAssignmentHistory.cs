using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments.Queries.GetAssignmentHistory;

/// <summary>Every change of an assignment's holders, oldest first.</summary>
public sealed record GetAssignmentHistoryQuery(Guid PlanId, Guid Id) : IRequest<IReadOnlyList<HolderChangeDto>>;

public sealed class GetAssignmentHistoryHandler(IApplicationDbContext db) : IRequestHandler<GetAssignmentHistoryQuery, IReadOnlyList<HolderChangeDto>>
{
    public async Task<IReadOnlyList<HolderChangeDto>> Handle(GetAssignmentHistoryQuery request, CancellationToken cancellationToken)
    {
        var assignment = await db.IndexAssignments.AsNoTracking().Include(a => a.History)
            .SingleOrDefaultAsync(a => a.Id == request.Id && a.PlanId == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Assignment", request.Id.ToString());
        return [.. assignment.History.OrderBy(h => h.RecordedAt).ThenBy(h => h.Role).ThenBy(h => h.Id)
            .Select(h => new HolderChangeDto(h.RecordedAt, h.Kind, h.Role, h.PreviousAgencyId, h.NewAgencyId, h.Reason))];
    }
}
