namespace Dti.Api.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>On a start with no clients at all, create a Coordinator client and print its key once.</summary>
    public bool BootstrapCoordinator { get; set; } = true;

    /// <summary>Longest accepted <see cref="KeyCacheSeconds"/>.</summary>
    public const int MaxKeyCacheSeconds = 60;

    /// <summary>
    /// How long an instance may answer from what it last read of an API key (0: read on every request). A revocation or
    /// rotation applies at once on the instance that made it, and on the others within this many seconds.
    /// </summary>
    public int KeyCacheSeconds { get; set; } = 5;

    /// <summary>Bearer tokens from an identity provider; off unless both settings are given.</summary>
    public JwtSettings Jwt { get; set; } = new();

    public sealed class JwtSettings
    {
        /// <summary>The token issuer (its OpenID configuration is read from there), e.g. <c>https://login.example.gov.vn/realms/dti</c>.</summary>
        public string? Authority { get; set; }

        /// <summary>The audience tokens must be issued for, e.g. <c>dti-api</c>.</summary>
        public string? Audience { get; set; }

        /// <summary>Allow a plain-HTTP authority (development only).</summary>
        public bool RequireHttpsMetadata { get; set; } = true;

        public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
    }
}
