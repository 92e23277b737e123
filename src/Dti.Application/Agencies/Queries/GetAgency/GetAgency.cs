using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Agencies.Queries.GetAgency;

public sealed record GetAgencyQuery(Guid Id) : IRequest<Versioned<AgencyDto>>;

public sealed class GetAgencyHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetAgencyQuery, Versioned<AgencyDto>>
{
    public async Task<Versioned<AgencyDto>> Handle(GetAgencyQuery request, CancellationToken cancellationToken) =>
        await db.Agencies.Where(a => a.Id == request.Id).ProjectToType<Versioned<AgencyDto>>(config).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Agency", request.Id.ToString());
}
