using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Evidence.Queries.GetEvidence;

/// <summary>One piece of evidence of an agency: what it is, never its bytes.</summary>
public sealed record GetEvidenceQuery(Guid AgencyId, Guid Id) : IRequest<EvidenceDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Evidence(AgencyId, Id);
}

public sealed class GetEvidenceHandler(IApplicationDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetEvidenceQuery, EvidenceDto>
{
    public async Task<EvidenceDto> Handle(GetEvidenceQuery request, CancellationToken cancellationToken) =>
        await db.Evidence.AsNoTracking().Where(e => e.Id == request.Id && e.AgencyId == request.AgencyId)
            .ProjectToType<EvidenceDto>(mapping).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Evidence", request.Id.ToString());
}
