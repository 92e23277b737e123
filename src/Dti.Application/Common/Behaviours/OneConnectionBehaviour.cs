using Dti.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Common.Behaviours;

/// <summary>
/// A request holds one pooled database connection from its first statement to its last: the agency scope's lookup, the
/// handler's reads and its save all go through the connection opened here, which goes back to the pool when the request
/// is handled. Left to itself, EF Core rents a connection per statement, and every rental of a returned connection makes
/// the next statement pay the provider's reset of it (on PostgreSQL, <c>DISCARD</c> and friends: a submission rented
/// fourteen connections and paid fourteen resets). Renting opens nothing on the server: the pooled connection is only
/// reset and used by the first statement, so a request that sends none (refused by validation) costs nothing here. A
/// request sent from a handler opens the same connection again, and its close leaves it open for the outer request: EF
/// Core counts opens and closes.
/// </summary>
public sealed class OneConnectionBehaviour<TRequest, TResponse>(IApplicationDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var database = ((DbContext)db).Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await next();
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
