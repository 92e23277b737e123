using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Agencies.Queries.GetAgency;

public sealed record GetAgencyQuery(Guid Id) : IRequest<Versioned<AgencyDto>>;

public sealed class GetAgencyHandler(IApplicationDbContext db) : IRequestHandler<GetAgencyQuery, Versioned<AgencyDto>>
{
    public async Task<Versioned<AgencyDto>> Handle(GetAgencyQuery request, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Agency", request.Id.ToString());
        return new Versioned<AgencyDto>(AgencyDto.From(agency), agency.Version);
    }
}
