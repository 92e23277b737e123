using Dti.Domain.Common;

namespace Dti.Domain.Webhooks;

/// <summary>
/// Which URLs deliveries may go to: absolute https URLs, or http to the hosts an operator allowed (a provincial
/// intranet, a loopback receiver in tests). User information and fragments are refused: they are never sent.
/// </summary>
public sealed class WebhookUrlPolicy(IReadOnlyCollection<string> allowedHttpHosts)
{
    /// <summary>The URL, trimmed, when it may be used; a 422 naming <c>url</c> otherwise.</summary>
    public string Check(string? url)
    {
        var text = Guard.Text(url, "url", WebhookLimits.UrlMaxLength);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            throw Refused("'url' must be an absolute https URL.");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Refused("'url' must carry neither user information nor a fragment.");
        }

        if (uri.Scheme == "http" && !allowedHttpHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw Refused($"'url' must use https; plain http is allowed only to the hosts in the setting Webhooks:AllowedHttpHosts, and '{uri.Host}' is not one of them.");
        }

        return text;
    }

    private static DomainException Refused(string message) => new("webhook.url-refused", message, "url");
}
