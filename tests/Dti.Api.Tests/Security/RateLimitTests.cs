using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>A tiny limit, so the tests reach it: each client has its own budget; anonymous callers share one per IP address.</summary>
public sealed class RateLimitTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const int Permits = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:AnonymousPermitPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task AClientOverItsLimitGets429WithRetryAfterAndOthersAreUnaffected()
    {
        var busy = await CreateClientAsync(ClientRole.Reader);
        var other = await CreateClientAsync(ClientRole.Reader);
        for (var i = 0; i < Permits; i++)
        {
            Assert.That((await busy.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }

        var refused = await busy.GetAsync("/api/v1/me");

        await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That((await other.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnonymousCallersAreLimitedToo()
    {
        for (var i = 0; i < Permits; i++)
        {
            Assert.That((await Anonymous.GetAsync("/api/v1/frameworks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"request {i + 1}");
        }

        var refused = await Anonymous.GetAsync("/api/v1/frameworks");

        await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task HealthChecksAreNotLimited()
    {
        for (var i = 0; i < Permits * 2; i++)
        {
            Assert.That((await Anonymous.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }
    }
}
