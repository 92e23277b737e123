using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Observability;

/// <summary>
/// With <c>Metrics:Enabled</c>, <c>/metrics</c> serves OpenTelemetry metrics in Prometheus' text format: requests by route
/// template and status (the count of <c>http.server.request.duration</c>) and database time. The exporter reads meters
/// process-wide, so the test looks for its own route and status, not for exact counts.
/// </summary>
public sealed class MetricsTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" };

    [Test]
    public async Task AScrapeShowsTheRequestsByRouteAndStatusAndTheDatabaseTime()
    {
        var agency = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        Assert.That((await Client.GetAsync($"/api/v1/agencies/{agency}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetAsync($"/api/v1/agencies/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // The server records a request's duration when the request ends, just after the client has its response: scrape
        // until the last request is in.
        HttpResponseMessage scrape = null!;
        var text = string.Empty;
        List<string> requests = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                scrape = await Anonymous.GetAsync("/metrics");
                text = await scrape.Content.ReadAsStringAsync();
                requests = [.. text.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/api/v1/agencies/{id:guid}\"", StringComparison.Ordinal))];
                return scrape.StatusCode != HttpStatusCode.OK || requests.Count >= 2;
            },
            "both agency reads are in the scrape");

        Assert.That(scrape.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(requests, Has.Some.Contains("http_request_method=\"GET\"").And.Contains("http_response_status_code=\"200\""), text);
        Assert.That(requests, Has.Some.Contains("http_response_status_code=\"404\""), text);
        Assert.That(text, Does.Contain("dti_db_command_duration_seconds_count{"), "database time");
    }
}

/// <summary>Without the setting there is no <c>/metrics</c>: nothing about the API's traffic is served unasked.</summary>
public sealed class MetricsOffTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task MetricsAreOffByDefault() =>
        Assert.That((await Client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
}
