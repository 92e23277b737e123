using System.Linq.Expressions;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Agencies;
using Mapster;
using Mapster.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Agencies.Queries.GetAgency;

public sealed record GetAgencyQuery(Guid Id) : IRequest<Versioned<AgencyDto>>;

public sealed class GetAgencyHandler(IApplicationDbContext db, AgencyById byId) : IRequestHandler<GetAgencyQuery, Versioned<AgencyDto>>
{
    public async Task<Versioned<AgencyDto>> Handle(GetAgencyQuery request, CancellationToken cancellationToken) =>
        await byId.ReadAsync(db, request.Id, cancellationToken) ?? throw new NotFoundException("Agency", request.Id.ToString());
}

/// <summary>
/// The agency read by id, compiled once (a singleton): the hottest single-row read. Uncompiled, EF walks Mapster's
/// projection on every request to find its parameters — compiling each <c>default(Guid)</c> of its null guards with the
/// expression interpreter — and compares the whole tree against its query cache; compiled, a request only binds the id.
/// One row and no collection, so one statement (<c>AsSingleQuery</c>) read straight from the reader, not buffered as
/// the globally configured split queries are.
/// </summary>
public sealed class AgencyById
{
    private readonly Func<DbContext, Guid, CancellationToken, Task<Versioned<AgencyDto>?>> _query;

    public AgencyById(TypeAdapterConfig config)
    {
        var projection = (Expression<Func<Agency, Versioned<AgencyDto>?>>)config.CreateMapExpression(
            new TypeTuple(typeof(Agency), typeof(Versioned<AgencyDto>)), MapType.Projection);
        _query = EF.CompileAsyncQuery((DbContext context, Guid id, CancellationToken cancellationToken) =>
            context.Set<Agency>().AsNoTracking().AsSingleQuery().Where(a => a.Id == id).Select(projection).SingleOrDefault());
    }

    /// <summary>
    /// The agency as its DTO with its version, or null when there is none. <paramref name="db"/> is the request's unit
    /// of work, which is EF Core's context: a compiled query runs on one.
    /// </summary>
    public Task<Versioned<AgencyDto>?> ReadAsync(IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        _query((DbContext)db, id, cancellationToken);
}
