using System.Net;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>With Auth:Jwt set, bearer tokens are offered next to API keys, and API keys keep working. (No identity provider is reached.)</summary>
public sealed class BearerTokenSettingsTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Jwt:Authority"] = "https://login.example.invalid/realms/dti",
        ["Auth:Jwt:Audience"] = "dti-api",
    };

    [Test]
    public async Task ApiKeysStillWork() =>
        Assert.That((await Client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task A401OffersBothSchemes()
    {
        var response = await Anonymous.GetAsync("/api/v1/frameworks");

        await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EquivalentTo(new[] { "ApiKey", "Bearer" }));
    }

    [Test]
    public async Task TheApiDescriptionOffersBothSchemes()
    {
        var document = JsonNode.Parse(await Anonymous.GetStringAsync("/swagger/v1/swagger.json"))!;

        Assert.That(document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key), Is.EquivalentTo(new[] { "ApiKey", "AccessKey", "Bearer" }));
        Assert.That((string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"], Is.EqualTo("bearer"));
        var feed = document["paths"]!["/api/v1/agencies/{agencyId}/calendar.ics"]!["get"]!["security"]!.AsArray();
        Assert.That(feed.Select(requirement => requirement!.AsObject().Single().Key), Is.EquivalentTo(new[] { "ApiKey", "AccessKey", "Bearer" }), "a feed takes a token as well as both forms of key");
    }
}
