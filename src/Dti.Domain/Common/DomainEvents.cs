namespace Dti.Domain.Common;

/// <summary>
/// Something that happened to an aggregate that others may react to (refresh a cache, call a webhook, send a
/// reminder). Events are immutable records of plain values — ids, codes, dates — so they can be stored as JSON
/// and read back long after the aggregate has changed again. The record's class name is its stable type name.
/// </summary>
public interface IDomainEvent;

/// <summary>An aggregate that records events while it changes; the save that stores the change stores them too.</summary>
public interface IHasDomainEvents
{
    /// <summary>Events recorded since the aggregate was loaded or last saved, oldest first.</summary>
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    /// <summary>Called by persistence once the events have been handed over to the outbox.</summary>
    void ClearDomainEvents();
}

/// <summary>Base of the aggregates that tell others about their changes.</summary>
public abstract class AggregateRoot : IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
