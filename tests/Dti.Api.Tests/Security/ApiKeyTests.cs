using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Security;

public sealed class ApiKeyTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task ACreatedClientGetsItsKeyOnceAndTheKeyWorks()
    {
        var agency = Guid.NewGuid();
        var response = await Client.PostAsJsonAsync("/api/v1/clients", new
        {
            name = "Sở Y tế reporting system",
            contact = "cntt@syt.example.gov.vn",
            roles = new[] { "AgencyReporter" },
            agencyIds = new[] { agency },
        });
        var created = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), created.ToString());
        var key = created.GetProperty("apiKey").GetString()!;
        var id = created.GetProperty("client").GetProperty("id").GetString();
        Assert.That(key, Does.Match("^dti_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$"));
        Assert.That(key, Does.StartWith(created.GetProperty("client").GetProperty("keyPrefix").GetString() + "_"));

        var me = await ReadJson(await WithKey(key).GetAsync("/api/v1/me"));
        Assert.That(me.GetProperty("clientId").GetString(), Is.EqualTo(id));
        Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "AgencyReporter" }));
        Assert.That(me.GetProperty("agencyIds")[0].GetGuid(), Is.EqualTo(agency));

        var read = await Client.GetStringAsync($"/api/v1/clients/{id}");
        Assert.That(read, Does.Not.Contain(key).And.Not.Contain("apiKey"));
        var stored = await InDatabase(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(id!)));
        Assert.That(stored.KeyHash, Is.Not.EqualTo(key).And.Length.EqualTo(64));
        Assert.That(stored.LastUsedAt, Is.Not.Null, "last use is recorded");
    }

    [Test]
    public async Task TheAuthorizationHeaderCarriesAKeyToo()
    {
        var key = (await CreateApiKeyAsync(ClientRole.Reader)).ApiKey;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        var response = await Anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RotatingAKeyStopsTheOldOneAtOnce()
    {
        var client = await CreateApiKeyAsync(ClientRole.Reader);
        var old = WithKey(client.ApiKey);
        Assert.That((await old.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var rotated = await ReadJson(await Client.SendCurrent(HttpMethod.Post, $"/api/v1/clients/{client.Client.Id}/rotate-key", resource: $"/api/v1/clients/{client.Client.Id}"));
        var newKey = rotated.GetProperty("apiKey").GetString()!;

        Assert.That(newKey, Is.Not.EqualTo(client.ApiKey));
        await (await old.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.That((await WithKey(newKey).GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ARevokedClientIsRefusedOnItsNextRequest()
    {
        var client = await CreateApiKeyAsync(ClientRole.Reader);
        var caller = WithKey(client.ApiKey);
        Assert.That((await caller.GetAsync("/api/v1/frameworks")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await ReadJson(await Client.SendCurrent(HttpMethod.Post, $"/api/v1/clients/{client.Client.Id}/revoke", resource: $"/api/v1/clients/{client.Client.Id}"));

        Assert.That(revoked.GetProperty("revokedAt").GetString(), Is.Not.Null);
        await (await caller.GetAsync("/api/v1/frameworks")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await Client.SendCurrent(HttpMethod.Post, $"/api/v1/clients/{client.Client.Id}/rotate-key", resource: $"/api/v1/clients/{client.Client.Id}")).AssertProblem(HttpStatusCode.Conflict, rule: "client.revoked");
        var listed = await ReadJson(await Client.GetAsync("/api/v1/clients"));
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Not.Contain(client.Client.Id));
        var all = await ReadJson(await Client.GetAsync("/api/v1/clients?includeRevoked=true"));
        Assert.That(all.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Contain(client.Client.Id));
    }

    [Test]
    public async Task AnExpiredKeyIsRefused()
    {
        // Expiry is checked on every request, also when the instance answers from what it read of the key moments ago.
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var clocked = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var client = await CreateApiKeyAsync(ClientRole.Reader, expiresAt: clock.Now.AddDays(30));
        using var caller = clocked.CreateClient();
        caller.DefaultRequestHeaders.Add(ApiKeyHeader, client.ApiKey);
        Assert.That((await caller.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        clock.Now = clock.Now.AddDays(30);

        await (await caller.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [TestCase(null)]
    [TestCase("not-a-key")]
    [TestCase("dti_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task WithoutAValidKeyTheAnswerIs401WithWwwAuthenticateAndTheSameBody(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks");
        if (key is not null)
        {
            request.Headers.Add(ApiKeyHeader, key);
        }

        var response = await Anonymous.SendAsync(request);

        var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("ApiKey"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Unauthorized"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("X-Api-Key"));
    }

    [Test]
    public async Task AWrongSecretForAnExistingKeyIdGetsTheSameAnswerAsAnUnknownKey()
    {
        var key = (await CreateApiKeyAsync(ClientRole.Coordinator)).ApiKey;
        var wrong = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var known = await WithKey(wrong).GetAsync("/api/v1/frameworks");
        var unknown = await WithKey("dti_0123456789abcdef_" + wrong[^43..]).GetAsync("/api/v1/frameworks");

        Assert.That(Comparable(await known.AssertProblem(HttpStatusCode.Unauthorized)), Is.EqualTo(Comparable(await unknown.AssertProblem(HttpStatusCode.Unauthorized))));
        Assert.That(known.Headers.WwwAuthenticate.ToString(), Is.EqualTo(unknown.Headers.WwwAuthenticate.ToString()));
    }

    [Test]
    public async Task AForbiddenCallIsA403Problem()
    {
        var reader = await CreateClientAsync(ClientRole.Reader);

        await (await reader.PostAsJsonAsync("/api/v1/frameworks", new { })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ApiResponsesAreNeverCached()
    {
        var ok = await Client.GetAsync("/api/v1/frameworks");
        var unauthorized = await Anonymous.GetAsync("/api/v1/frameworks");

        Assert.That(ok.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(unauthorized.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task HealthAndSwaggerStayAnonymous()
    {
        Assert.That((await Anonymous.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Anonymous.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnAgencyReporterNeedsAnAgency() =>
        await (await Client.PostAsJsonAsync("/api/v1/clients", new { name = "No agency", roles = new[] { "AgencyReporter" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "agencyIds");

    [Test]
    public async Task AClientActsForABoundedNumberOfAgencies() =>
        await (await Client.PostAsJsonAsync("/api/v1/clients", new
        {
            name = "Too many",
            roles = new[] { "AgencyReporter" },
            agencyIds = Enumerable.Range(0, ClientLimits.MaxAgencies + 1).Select(_ => Guid.NewGuid()).ToArray(),
        })).AssertProblem(HttpStatusCode.BadRequest, "agencyIds");

    [Test]
    public async Task AnUnknownRoleIsRejected() =>
        await (await Client.PostAsJsonAsync("/api/v1/clients", new { name = "Admin", roles = new[] { "Admin" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "roles[0]");

    [Test]
    public async Task AClientCannotSetItsOwnKeyOrDates() =>
        await (await Client.PostAsJsonAsync("/api/v1/clients", new { name = "Sneaky", roles = new[] { "Reader" }, keyHash = "00", revokedAt = (string?)null }))
            .AssertProblem(HttpStatusCode.BadRequest, "keyHash");

    [Test]
    public async Task AnUnknownClientIsNotFound() =>
        await (await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/clients/{Guid.NewGuid()}/revoke", null, "\"1\"")).AssertProblem(HttpStatusCode.NotFound);

    /// <summary>The problem without what differs per request (trace id).</summary>
    private static string Comparable(JsonElement problem) =>
        string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
}
