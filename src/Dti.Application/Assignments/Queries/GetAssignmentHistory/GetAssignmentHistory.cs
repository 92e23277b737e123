using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Dti.Application.Common.Models;
using FluentValidation;

namespace Dti.Application.Assignments.Queries.GetAssignmentHistory;

/// <summary>The changes of an assignment's holders, oldest first, a page at a time.</summary>
public sealed record GetAssignmentHistoryQuery(Guid PlanId, Guid Id, PageRequest Paging) : IRequest<PagedList<HolderChangeDto>>;

public sealed class GetAssignmentHistoryValidator : AbstractValidator<GetAssignmentHistoryQuery>
{
    public GetAssignmentHistoryValidator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class GetAssignmentHistoryHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetAssignmentHistoryQuery, PagedList<HolderChangeDto>>
{
    public async Task<PagedList<HolderChangeDto>> Handle(GetAssignmentHistoryQuery request, CancellationToken cancellationToken)
    {
        var assignment = await db.IndexAssignments.AsNoTracking().Include(a => a.History)
            .SingleOrDefaultAsync(a => a.Id == request.Id && a.PlanId == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Assignment", request.Id.ToString());
        return PagedList<HolderChangeDto>.Of(
            assignment.History.OrderBy(h => h.RecordedAt).ThenBy(h => h.Role).ThenBy(h => h.Id).Adapt<List<HolderChangeDto>>(config),
            request.Paging);
    }
}
