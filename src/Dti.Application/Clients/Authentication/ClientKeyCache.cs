using System.Collections.Concurrent;

namespace Dti.Application.Clients.Authentication;

/// <summary>
/// What the database said about a key id, kept for at most <see cref="Bound"/> (<c>Auth:KeyCacheSeconds</c>) so that a busy
/// client is not read on every request. It holds the stored hash, never a presented key: every request still compares its
/// secret in constant time, and still checks revocation and expiry against the stored dates. A change made through this
/// instance (revocation, rotation) forgets the key id after it commits, so it applies here from the next request; another
/// instance sees it once its entry is older than the bound. Unknown key ids are not kept, so a new client works at once.
/// </summary>
public sealed class ClientKeyCache(TimeProvider clock, TimeSpan bound)
{
    /// <summary>More entries than this (clients times recent rotations) empties the cache rather than letting it grow.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Counts <see cref="Forget"/> calls: a read that started before one is not kept, since it may predate the change.</summary>
    private long _forgets;

    /// <summary>How long another instance's change may go unseen here.</summary>
    public TimeSpan Bound => bound;

    /// <summary>Forgets a key id whose client changed; called after the change is committed.</summary>
    public void Forget(string keyId)
    {
        Interlocked.Increment(ref _forgets);
        _entries.TryRemove(keyId, out _);
    }

    internal long Generation => Interlocked.Read(ref _forgets);

    internal StoredKey? Find(string keyId)
    {
        if (!_entries.TryGetValue(keyId, out var entry))
        {
            return null;
        }

        // A clock set back (tests do) must not stretch the bound.
        var age = clock.GetUtcNow() - entry.ReadAt;
        if (age >= TimeSpan.Zero && age < bound)
        {
            return entry.Key;
        }

        _entries.TryRemove(KeyValuePair.Create(keyId, entry));
        return null;
    }

    internal void Keep(string keyId, StoredKey key, long generation)
    {
        if (bound <= TimeSpan.Zero || generation != Generation)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[keyId] = new Entry(key, clock.GetUtcNow());
    }

    /// <summary>Records a last-used time written to the database, keeping the entry's age.</summary>
    internal void Used(string keyId, DateTimeOffset at)
    {
        if (_entries.TryGetValue(keyId, out var entry))
        {
            _entries.TryUpdate(keyId, entry with { Key = entry.Key with { LastUsedAt = at } }, entry);
        }
    }

    private sealed record Entry(StoredKey Key, DateTimeOffset ReadAt);
}

/// <summary>What authenticating a key needs of its client, and nothing more (no contact, no creation dates).</summary>
internal sealed record StoredKey(
    Guid ClientId, string Name, string KeyHash, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt,
    IReadOnlyList<Dti.Domain.Clients.ClientRole> Roles, IReadOnlyList<Guid> AgencyIds);
