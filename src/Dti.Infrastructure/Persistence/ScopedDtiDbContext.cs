using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Infrastructure.Persistence.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Dti.Infrastructure.Persistence;

/// <summary>
/// A scope's unit of work: one pooled <see cref="DtiDbContext"/>, rented on first use with whom the scope's writes are
/// recorded under, and returned to the pool exactly once, when the scope ends. The container disposes each service it
/// resolved to the context — <see cref="DtiDbContext"/> and <see cref="IApplicationDbContext"/> are the same instance —
/// and those disposals are ignored while the scope holds it (<see cref="DtiDbContext.HeldByScope"/>). This holder is
/// resolved before the context, so the container disposes it after them.
/// </summary>
internal sealed class ScopedDtiDbContext(IDbContextFactory<DtiDbContext> factory, ICurrentClient client, AgencyContext agency) : IAsyncDisposable, IDisposable
{
    private DtiDbContext? _context;

    public DtiDbContext Context => _context ??= Rent();

    public ValueTask DisposeAsync()
    {
        if (Release() is { } context)
        {
            return context.DisposeAsync();
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => Release()?.Dispose();

    private DtiDbContext Rent()
    {
        var context = factory.CreateDbContext();
        context.Actor = new AuditActor(client, agency);
        context.HeldByScope = true;
        return context;
    }

    /// <summary>The context to return to the pool, no longer held; null when none was rented or it was returned already.</summary>
    private DtiDbContext? Release()
    {
        var context = _context;
        _context = null;
        if (context is not null)
        {
            context.HeldByScope = false;
        }

        return context;
    }
}
