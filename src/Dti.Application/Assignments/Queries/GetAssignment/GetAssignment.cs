using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Assignments.Queries.GetAssignment;

public sealed record GetAssignmentQuery(Guid PlanId, Guid Id) : IRequest<Versioned<AssignmentDto>>;

public sealed class GetAssignmentHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetAssignmentQuery, Versioned<AssignmentDto>>
{
    public async Task<Versioned<AssignmentDto>> Handle(GetAssignmentQuery request, CancellationToken cancellationToken)
    {
        var assignment = await db.IndexAssignments.AsNoTracking().Include(a => a.Cooperators)
            .SingleOrDefaultAsync(a => a.Id == request.Id && a.PlanId == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Assignment", request.Id.ToString());
        return assignment.Adapt<Versioned<AssignmentDto>>(config);
    }
}
