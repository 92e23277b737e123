using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Infrastructure.Outbox;

/// <summary>
/// Which stored domain events some notification handler of this application consumes. An event nobody consumes (a
/// task's progress, say) is still stored in the outbox, the record of every event raised, but as already processed:
/// no dispatch pass needs to take it. Found once per service provider, on first use, from the registered handlers.
/// </summary>
public sealed class EventAudience(IServiceScopeFactory scopes)
{
    private FrozenSet<string>? _unheard;

    /// <summary>
    /// Whether the message stored under <paramref name="type"/> is to be published: false only for a domain event
    /// (see <see cref="DomainEventTypes"/>) no handler consumes. A type no event has is published, and fails there.
    /// </summary>
    public bool IsHeard(string type) => !Unheard().Contains(type);

    // Two threads may both compute the set on first use; they compute the same one.
    private FrozenSet<string> Unheard()
    {
        if (_unheard is { } unheard)
        {
            return unheard;
        }

        using var scope = scopes.CreateScope();
        return _unheard = DomainEventTypes.Names
            .Where(name => !scope.ServiceProvider.GetServices(DomainEventTypes.HandlerType(name)).Any())
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
