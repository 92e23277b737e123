using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Clients;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Security;

/// <summary>
/// Two instances on one database, the second with its own key cache and a clock the test moves. A revocation or rotation
/// made through the first applies there at once (its cache forgets the key after the change commits); the second, which
/// read the key just before, may keep accepting it only until <c>Auth:KeyCacheSeconds</c> have passed on its clock.
/// </summary>
public sealed class ApiKeyCacheTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const int KeyCacheSeconds = 5;

    private readonly SettableClock _clock = new(DateTimeOffset.UtcNow);

    private WebApplicationFactory<Program> _other = null!;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Auth:KeyCacheSeconds"] = KeyCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [OneTimeSetUp]
    public void StartOtherInstance() =>
        _other = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    [OneTimeTearDown]
    public async Task StopOtherInstance() => await _other.DisposeAsync();

    private readonly List<HttpClient> _otherClients = [];

    [SetUp]
    public void SetClock() => _clock.Now = DateTimeOffset.UtcNow;

    [TearDown]
    public void DisposeOtherClients()
    {
        _otherClients.ForEach(c => c.Dispose());
        _otherClients.Clear();
    }

    [Test]
    public async Task ARevocationAppliesAtOnceWhereItWasMadeAndWithinTheBoundOnAnotherInstance()
    {
        var (client, here, there) = await KeyUsedOnBothInstances();

        var revoked = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/clients/{client.Client.Id}/revoke", resource: $"/api/v1/clients/{client.Client.Id}");
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await (await here.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.That((await there.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other instance read the key less than the bound ago");
        _clock.Now = _clock.Now.AddSeconds(KeyCacheSeconds);
        await (await there.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ARotationAppliesAtOnceWhereItWasMadeAndWithinTheBoundOnAnotherInstance()
    {
        var (client, here, there) = await KeyUsedOnBothInstances();

        var rotated = await ReadJson(await Client.SendCurrent(HttpMethod.Post, $"/api/v1/clients/{client.Client.Id}/rotate-key", resource: $"/api/v1/clients/{client.Client.Id}"));
        var newKeyThere = OnOtherInstance(rotated.GetProperty("apiKey").GetString()!);

        await (await here.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.That((await newKeyThere.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a new key is read, never refused from memory");
        Assert.That((await there.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other instance read the old key less than the bound ago");
        _clock.Now = _clock.Now.AddSeconds(KeyCacheSeconds);
        await (await there.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.That((await newKeyThere.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AWrongSecretIsRefusedEvenWhileItsKeyIdIsKept()
    {
        var client = await CreateApiKeyAsync(ClientRole.Reader);
        var there = OnOtherInstance(client.ApiKey);
        Assert.That((await there.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var wrongSecret = client.ApiKey[..^4] + (client.ApiKey.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var guesser = OnOtherInstance(wrongSecret);

        await (await guesser.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    /// <summary>A new reader's key, used once on each instance, so that each has read it.</summary>
    private async Task<(ClientWithKeyDto Client, HttpClient Here, HttpClient There)> KeyUsedOnBothInstances()
    {
        var client = await CreateApiKeyAsync(ClientRole.Reader);
        var here = WithKey(client.ApiKey);
        var there = OnOtherInstance(client.ApiKey);
        Assert.That((await here.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await there.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (client, here, there);
    }

    private HttpClient OnOtherInstance(string apiKey)
    {
        var client = _other.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        _otherClients.Add(client);
        return client;
    }
}
