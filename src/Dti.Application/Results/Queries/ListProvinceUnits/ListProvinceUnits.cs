using Dti.Application.Common.Interfaces;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results.Queries.ListProvinceUnits;

/// <summary>The province units, by code; with <c>activeOn</c>, only those that existed that day (34 from 1/7/2025).</summary>
public sealed record ListProvinceUnitsQuery(DateOnly? ActiveOn) : IRequest<ProvinceUnitListDto>;

public sealed class ListProvinceUnitsHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListProvinceUnitsQuery, ProvinceUnitListDto>
{
    public async Task<ProvinceUnitListDto> Handle(ListProvinceUnitsQuery request, CancellationToken cancellationToken)
    {
        var units = await db.ProvinceUnits.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var predecessors = units.Where(u => u.SuccessorCode is not null).ToLookup(u => u.SuccessorCode!, u => u.Code, StringComparer.Ordinal);
        return new ProvinceUnitListDto([.. units
            .Where(u => request.ActiveOn is not { } day || ((u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day)))
            .Select(u => new UnitWithPredecessors(u, [.. predecessors[u.Code]]).Adapt<ProvinceUnitDto>(config))]);
    }
}
