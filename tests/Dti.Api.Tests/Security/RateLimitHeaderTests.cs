using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dti.Api.Security;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>Clients see their quota before they reach it: the IETF RateLimit fields on every <c>/api</c> response, 429 included.</summary>
public sealed partial class RateLimitHeaderTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const int Permits = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitPerMinute"] = Permits.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:AnonymousPermitPerMinute"] = "50",
    };

    [Test]
    public async Task TheRemainingQuotaGoesDownWithEachCallAndIsZeroOnThe429()
    {
        var client = await CreateClientAsync(ClientRole.Reader);
        var remaining = new List<int>();
        for (var i = 0; i < Permits; i++)
        {
            using var response = await client.GetAsync("/api/v1/me");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(response, RateLimitHeaders.Policy), Is.EqualTo($"\"{RateLimitHeaders.ClientPolicy}\";q={Permits};w=60"));
            var (policy, left, reset) = Quota(response);
            Assert.That(policy, Is.EqualTo(RateLimitHeaders.ClientPolicy));
            Assert.That(reset, Is.InRange(0, 60));
            remaining.Add(left);
        }

        using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        refused.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var rejected = await client.SendAsync(refused);

        Assert.That(remaining, Is.EqualTo(new[] { Permits - 1, Permits - 2, 0 }));
        await rejected.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.That(Quota(rejected).Remaining, Is.Zero);
        Assert.That(Header(rejected, RateLimitHeaders.Policy), Does.StartWith($"\"{RateLimitHeaders.ClientPolicy}\";"));
        Assert.That(rejected.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        Assert.That(rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds, Is.EqualTo(Math.Max(1, Quota(rejected).Reset)).Within(1), "Retry-After agrees with t");
    }

    [Test]
    public async Task ErrorsCarryTheQuotaToo()
    {
        using var response = await Client.GetAsync($"/api/v1/agencies/{Guid.NewGuid()}");

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.That(Quota(response).Remaining, Is.EqualTo(Permits - 1));
    }

    [Test]
    public async Task AnonymousCallersSeeTheAnonymousPolicy()
    {
        using var response = await Anonymous.GetAsync("/api/v1/frameworks");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Header(response, RateLimitHeaders.Policy), Is.EqualTo($"\"{RateLimitHeaders.AnonymousPolicy}\";q=50;w=60"));
        Assert.That(Quota(response).Policy, Is.EqualTo(RateLimitHeaders.AnonymousPolicy));
    }

    [Test]
    public async Task ResponsesOutsideTheApiAreNotLimitedAndSayNothing()
    {
        using var response = await Anonymous.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains(RateLimitHeaders.Policy) || response.Headers.Contains(RateLimitHeaders.Remaining), Is.False);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new AssertionException($"no {name} header");

    private static (string Policy, int Remaining, int Reset) Quota(HttpResponseMessage response)
    {
        var match = QuotaField().Match(Header(response, RateLimitHeaders.Remaining));
        Assert.That(match.Success, Is.True, Header(response, RateLimitHeaders.Remaining));
        return (match.Groups["policy"].Value, int.Parse(match.Groups["r"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""^"(?<policy>[a-z]+)";r=(?<r>\d+);t=(?<t>\d+)$""")]
    private static partial Regex QuotaField();
}
