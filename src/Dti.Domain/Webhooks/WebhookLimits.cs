namespace Dti.Domain.Webhooks;

/// <summary>Limits of webhook subscriptions and deliveries, used by the domain guards, the validators and the EF configuration.</summary>
public static class WebhookLimits
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;

    /// <summary>Every event type of the catalogue once, with room for the ones still to come.</summary>
    public const int MaxEventTypes = 30;

    public const int EventTypeMaxLength = 60;

    /// <summary><c>whsec_</c> and 64 hex characters (32 random bytes).</summary>
    public const int SecretLength = 70;

    public const int ReasonMaxLength = 500;
    public const int ErrorMaxLength = 1000;

    /// <summary>The latest attempts a delivery shows in the log (a delivery redelivered many times keeps all of them stored).</summary>
    public const int AttemptsShown = 100;

    /// <summary>The agencies a subscription is limited to (those of its client).</summary>
    public const int MaxAgencies = 20;
}
