using System.Diagnostics;
using System.Text;
using Dti.Application.Webhooks;

namespace Dti.Infrastructure.Webhooks;

/// <summary>How one attempt ended: the receiver's status code (none when no response came), how long it took, and what went wrong.</summary>
public sealed record WebhookAttemptOutcome(int? StatusCode, long DurationMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Posts one signed delivery. The typed HttpClient behind it follows no redirects (a 3xx is a failed attempt: the
/// receiver must name its final URL) and its resilience pipeline bounds each attempt with
/// <see cref="WebhookOptions.AttemptTimeout"/>; retries are not Polly's but the dispatcher's, persisted, so they
/// survive a restart and are shared by every instance.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider clock)
{
    public const string IdHeader = "Dti-Webhook-Id";
    public const string TypeHeader = "Dti-Webhook-Type";
    public const string SignatureHeader = "Dti-Webhook-Signature";

    public async Task<WebhookAttemptOutcome> SendAsync(string url, string secret, Guid eventId, string eventType, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(IdHeader, eventId.ToString());
        request.Headers.Add(TypeHeader, eventType);
        request.Headers.Add(SignatureHeader, WebhookSecrets.Signature(secret, clock.GetUtcNow(), body));
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Only the status matters: the response body is not read.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var error = response.IsSuccessStatusCode ? null : $"The receiver answered {status} {response.ReasonPhrase}.";
            return new WebhookAttemptOutcome(status, Elapsed(started), error);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptOutcome(null, Elapsed(started), $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
