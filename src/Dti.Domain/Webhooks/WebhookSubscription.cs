using Dti.Domain.Common;

namespace Dti.Domain.Webhooks;

/// <summary>
/// A client's request to be told of events: the URL to post them to, the event types it wants and the secret the
/// deliveries are signed with. The subscription belongs to the client that registered it; what it may receive is
/// fixed when it is registered from that client's roles and agencies (its <see cref="WebhookAudience"/>).
/// </summary>
/// <remarks>
/// The secret is kept as issued, not hashed: every delivery is signed with it. The dispatcher counts consecutive
/// failed deliveries on the row (<see cref="ConsecutiveFailures"/>, <see cref="PausedUntil"/>) so every instance
/// sees the same circuit; after too many it disables the subscription with a reason the client reads.
/// </remarks>
public sealed class WebhookSubscription
{
    private readonly List<WebhookEventTypeChoice> _eventTypes = [];
    private readonly List<WebhookAudienceAgency> _agencies = [];

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The client that registered it (as <c>ICurrentClient.ClientId</c>); only it and the coordinators see it.</summary>
    public string ClientId { get; private set; } = null!;

    public string Url { get; private set; } = null!;

    public string? Description { get; private set; }

    /// <summary>One row per event type, so "subscriptions to type T" is a plain query.</summary>
    public IReadOnlyCollection<WebhookEventTypeChoice> EventTypeChoices => _eventTypes;

    public IReadOnlyList<string> EventTypes => [.. _eventTypes.OrderBy(e => e.Position).Select(e => e.EventType)];

    /// <summary>Receives events of every agency (a coordinator's subscription).</summary>
    public bool ReceivesEverything { get; private set; }

    /// <summary>Receives events about published things of any agency (a reader's or the ministry's subscription).</summary>
    public bool ReceivesPublished { get; private set; }

    /// <summary>Receives, besides those, the events only the ministry may read (the province's self-assessment snapshots).</summary>
    public bool ReceivesMinistryEvents { get; private set; }

    /// <summary>The agencies whose events it receives besides those (an agency reporter's own agencies).</summary>
    public IReadOnlyCollection<WebhookAudienceAgency> AudienceAgencies => _agencies;

    public IReadOnlyList<Guid> AgencyIds => [.. _agencies.OrderBy(a => a.Position).Select(a => a.AgencyId)];

    public string Secret { get; private set; } = null!;

    public DateTimeOffset SecretIssuedAt { get; private set; }

    /// <summary>Set by the client; an inactive subscription gets no new deliveries.</summary>
    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Failed attempts since the last success; the circuit opens (<see cref="PausedUntil"/>) when it reaches the limit.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>While in the future, the dispatcher sends nothing to the URL (the open circuit).</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    /// <summary>When the dispatcher gave up on the URL; the subscription is inactive until the client activates it again.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    /// <summary>Moves on with every change the client makes; the API shows it as the ETag that If-Match names.</summary>
    public int Version { get; private set; }

    public static WebhookSubscription Register(
        string clientId, string url, string? description, IReadOnlyList<string> eventTypes, WebhookAudience audience, string secret, WebhookUrlPolicy urls, DateTimeOffset now)
    {
        var subscription = new WebhookSubscription
        {
            Id = Identifiers.NewVersion7(),
            ClientId = clientId,
            Description = Guard.OptionalText(description, "description", WebhookLimits.DescriptionMaxLength),
            ReceivesEverything = audience.Everything,
            ReceivesPublished = audience.Published,
            ReceivesMinistryEvents = audience.Ministry,
            CreatedAt = now,
            Active = true,
            Version = 1,
        };
        subscription._agencies.AddRange(audience.AgencyIds.Distinct().Select((agency, position) => new WebhookAudienceAgency(agency, position)));
        subscription.Change(url, eventTypes, urls);
        subscription.UseSecret(secret, now);
        return subscription;
    }

    /// <summary>Changes what is sent where; activating a disabled subscription clears its failures and gives the URL another chance.</summary>
    public void Update(string url, IReadOnlyList<string> eventTypes, bool active, string? description, WebhookUrlPolicy urls)
    {
        Change(url, eventTypes, urls);
        Description = Guard.OptionalText(description, "description", WebhookLimits.DescriptionMaxLength);
        if (active && (!Active || DisabledAt is not null))
        {
            ConsecutiveFailures = 0;
            PausedUntil = null;
            DisabledAt = null;
            DisabledReason = null;
        }

        Active = active;
        Version++;
    }

    /// <summary>Replaces the secret: deliveries from the next attempt on are signed with the new one.</summary>
    public void RotateSecret(string secret, DateTimeOffset now)
    {
        UseSecret(secret, now);
        Version++;
    }

    /// <summary>Whether an event of <paramref name="type"/> about <paramref name="agencyIds"/> may be sent to this subscription.</summary>
    /// <param name="agencyIds">The agencies the event is about (the reporting agency, the one reviewing it…; none for the province's own).</param>
    /// <param name="type">The event's type: whether it tells of something published, and to whom (<see cref="WebhookEventType.MinistryOnly"/>).</param>
    public bool MayReceive(IReadOnlyCollection<Guid> agencyIds, WebhookEventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ReceivesEverything
            || (type.Published && (type.MinistryOnly ? ReceivesMinistryEvents : ReceivesPublished))
            || _agencies.Any(a => agencyIds.Contains(a.AgencyId));
    }

    private void Change(string url, IReadOnlyList<string> eventTypes, WebhookUrlPolicy urls)
    {
        Url = urls.Check(url);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < eventTypes.Count; i++)
        {
            if (!WebhookEventTypes.IsKnown(eventTypes[i]))
            {
                errors[$"eventTypes[{i}]"] = [$"'{eventTypes[i]}' is not an event type; see docs/webhooks.md for the catalogue."];
            }
        }

        if (eventTypes.Count == 0)
        {
            errors["eventTypes"] = ["A subscription needs at least one event type."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("webhook.event-type-unknown", "The event types are not all in the catalogue.", errors);
        }

        _eventTypes.Clear();
        _eventTypes.AddRange(eventTypes.Distinct(StringComparer.Ordinal).Select((type, position) => new WebhookEventTypeChoice(type, position)));
    }

    private void UseSecret(string secret, DateTimeOffset now)
    {
        if (secret.Length != WebhookLimits.SecretLength)
        {
            throw new DomainException("webhook.secret-format", $"A webhook secret has {WebhookLimits.SecretLength} characters.");
        }

        Secret = secret;
        SecretIssuedAt = now;
    }
}

/// <summary>
/// What a subscription may receive, from its client's roles and agencies when it was registered: everything (a
/// coordinator), published things (a reader or the ministry), what only the ministry may read, its agencies' events.
/// </summary>
public sealed record WebhookAudience(bool Everything, bool Published, bool Ministry, IReadOnlyList<Guid> AgencyIds);

/// <summary>An event type a subscription asked for; <see cref="Position"/> keeps the list's order.</summary>
public sealed class WebhookEventTypeChoice
{
    private WebhookEventTypeChoice()
    {
    }

    internal WebhookEventTypeChoice(string eventType, int position)
    {
        EventType = eventType;
        Position = position;
    }

    public string EventType { get; private set; } = null!;

    public int Position { get; private set; }
}

/// <summary>An agency whose events a subscription receives; <see cref="Position"/> keeps the list's order.</summary>
public sealed class WebhookAudienceAgency
{
    private WebhookAudienceAgency()
    {
    }

    internal WebhookAudienceAgency(Guid agencyId, int position)
    {
        AgencyId = agencyId;
        Position = position;
    }

    public Guid AgencyId { get; private set; }

    public int Position { get; private set; }
}
