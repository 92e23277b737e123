using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Clients;

internal static class ClientQueries
{
    /// <summary>Loads a client for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<ApiClient> GetClientForUpdateAsync(this IApplicationDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Client", id.ToString());
        PreconditionFailedException.ThrowIfStale("Client", id.ToString(), client.Version, expectedVersion);
        return client;
    }
}
