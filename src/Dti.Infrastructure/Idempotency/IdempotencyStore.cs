using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dti.Infrastructure.Idempotency;

/// <summary>
/// Keys of retried requests, in the database so that any number of API instances agree: a key is claimed by inserting
/// its row (the primary key on client and key lets one insert win) in a transaction of its own, committed before the
/// request runs; the response is stored when it completes, or the claim is released. Nothing is kept in memory.
/// </summary>
/// <remarks>
/// Every change after the claim names the claim's token, so a request whose claim was taken over (it ran longer
/// than <see cref="IdempotencyOptions.ClaimTimeout"/>) can neither store its response nor release the new claim.
/// Expired rows are deleted when a new key is claimed.
/// </remarks>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    /// <summary>Claims <paramref name="key"/> for this request, or says why not: what to replay, or that it is taken.</summary>
    public async Task<IdempotencyOutcome> BeginAsync(string clientId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = clock.GetUtcNow();

        // Twice at most: an insert that loses to a concurrent one reads the winner's row.
        for (var attempt = 0; ; attempt++)
        {
            var stored = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
            if (stored is null || stored.ExpiresAt <= now)
            {
                if (await ClaimAsync(db, clientId, key, requestHash, now, cancellationToken) is { } claimed)
                {
                    return claimed;
                }

                if (attempt == 0)
                {
                    continue;
                }

                return new IdempotencyOutcome.InFlight();
            }

            if (!string.Equals(stored.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return new IdempotencyOutcome.Mismatch();
            }

            if (stored.CompletedAt is not null)
            {
                return new IdempotencyOutcome.Replay(stored.StatusCode!.Value, stored.ContentType, stored.Location, stored.ETag, stored.Body ?? []);
            }

            if (stored.ClaimedAt > now - settings.ClaimTimeout)
            {
                return new IdempotencyOutcome.InFlight();
            }

            return (IdempotencyOutcome?)await TakeOverAsync(db, stored, now, cancellationToken) ?? new IdempotencyOutcome.InFlight();
        }
    }

    /// <summary>Stores the response the claimed request got; replayed until the retention ends.</summary>
    public async Task CompleteAsync(IdempotencyOutcome.Claimed claim, int statusCode, string? contentType, string? location, string? etag, byte[] body)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.Retention;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DtiDbContext>().IdempotencyRecords
            .Where(r => r.ClientId == claim.ClientId && r.Key == claim.Key && r.ClaimToken == claim.Token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.CompletedAt, now).SetProperty(r => r.ExpiresAt, expires).SetProperty(r => r.StatusCode, statusCode)
                    .SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Location, location).SetProperty(r => r.ETag, etag).SetProperty(r => r.Body, body),
                CancellationToken.None);
    }

    /// <summary>Gives the key up: the request failed in a way a retry may not (a 5xx), so the next one runs afresh.</summary>
    public async Task ReleaseAsync(IdempotencyOutcome.Claimed claim)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DtiDbContext>().IdempotencyRecords
            .Where(r => r.ClientId == claim.ClientId && r.Key == claim.Key && r.ClaimToken == claim.Token)
            .ExecuteDeleteAsync(CancellationToken.None);
    }

    private async Task<IdempotencyOutcome.Claimed?> ClaimAsync(
        DtiDbContext db, string clientId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Expired keys may be used afresh; deleting them here keeps the table to about a retention period of keys.
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var record = IdempotencyRecord.Claim(clientId, key, requestHash, now, options.Value.Retention);
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IdempotencyOutcome.Claimed(clientId, key, record.ClaimToken);
        }
        catch (DbUpdateException duplicate) when (StorageFailures.IsUniqueViolation(duplicate))
        {
            // A concurrent request with the same key inserted first; the caller reads its row.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>Takes over a claim whose request has not answered within the timeout; null when another retry took it first.</summary>
    private async Task<IdempotencyOutcome.Claimed?> TakeOverAsync(DtiDbContext db, IdempotencyRecord stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var expires = now + options.Value.Retention;
        var taken = await db.IdempotencyRecords
            .Where(r => r.ClientId == stale.ClientId && r.Key == stale.Key && r.ClaimToken == stale.ClaimToken && r.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedAt, now).SetProperty(r => r.ExpiresAt, expires), cancellationToken);
        return taken == 1 ? new IdempotencyOutcome.Claimed(stale.ClientId, stale.Key, token) : null;
    }
}

/// <summary>What a request with an Idempotency-Key does next.</summary>
public abstract record IdempotencyOutcome
{
    private IdempotencyOutcome()
    {
    }

    /// <summary>The key is this request's: run it, then complete or release the claim.</summary>
    public sealed record Claimed(string ClientId, string Key, Guid Token) : IdempotencyOutcome;

    /// <summary>The key's first request answered: send its response again.</summary>
    public sealed record Replay(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body) : IdempotencyOutcome;

    /// <summary>The key's first request is still running.</summary>
    public sealed record InFlight : IdempotencyOutcome;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyOutcome;
}
