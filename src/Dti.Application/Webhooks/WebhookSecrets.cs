using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dti.Domain.Webhooks;

namespace Dti.Application.Webhooks;

/// <summary>Webhook secrets and the signature receivers check (docs/webhooks.md shows a receiver).</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public const string Pattern = "^whsec_[0-9a-f]{64}$";

    /// <summary>A new secret: the prefix and 32 random bytes as hex.</summary>
    public static string Issue()
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return secret.Length == WebhookLimits.SecretLength ? secret : throw new InvalidOperationException("A webhook secret has a fixed length.");
    }

    /// <summary>
    /// The <c>Dti-Webhook-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> over <c>"&lt;t&gt;.&lt;body&gt;"</c>, keyed
    /// with the secret's UTF-8 bytes. The time is signed too, so a receiver can refuse replays older than its window.
    /// </summary>
    public static string Signature(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
