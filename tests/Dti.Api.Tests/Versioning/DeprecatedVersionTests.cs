using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Versioning;

/// <summary>
/// The day v2 exists the operator deprecates v1 from configuration alone: responses then carry the deprecation
/// (api-deprecated-versions, RFC 9745 Deprecation), the sunset (RFC 8594 Sunset) and their links, and the v1
/// document marks the version and each of its operations deprecated.
/// </summary>
public sealed class DeprecatedVersionTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Migration = "https://dti.example.gov.vn/docs/api-v2-migration";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:Versions:1.0:Deprecated"] = "true",
        ["Api:Versions:1.0:DeprecationDate"] = "2027-07-01",
        ["Api:Versions:1.0:Sunset"] = "2028-12-31",
        ["Api:Versions:1.0:Link"] = Migration,
    };

    [Test]
    public async Task ResponsesCarryTheDeprecationTheSunsetAndTheirLinks()
    {
        var response = await Client.GetAsync("/api/v1/frameworks");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a deprecated version still answers");
        Assert.That(response.Headers.GetValues("api-deprecated-versions"), Is.EqualTo(new[] { "1.0" }));
        // 1 July 2027 00:00 in Vietnam (UTC+7) = 2027-06-30T17:00:00Z.
        Assert.That(response.Headers.GetValues("Deprecation"), Is.EqualTo(new[] { "@" + new DateTimeOffset(2027, 6, 30, 17, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() }));
        // v1 answers through 31 December 2028, Vietnamese time.
        Assert.That(response.Headers.GetValues("Sunset"), Is.EqualTo(new[] { "Sun, 31 Dec 2028 17:00:00 GMT" }));
        Assert.That(response.Headers.GetValues("Link"), Is.EquivalentTo(new[] { $"<{Migration}>; rel=\"sunset\"", $"<{Migration}>; rel=\"deprecation\"" }));
    }

    [Test]
    public async Task TheDocumentMarksTheVersionAndEachOperationDeprecated()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => op.Value!)).ToList();

        Assert.That((string?)document["info"]!["description"], Does.Contain("Version v1 is deprecated").And.Contain("2028-12-31T17:00:00Z").And.Contain(Migration));
        Assert.That(operations, Is.Not.Empty);
        Assert.That(operations.Select(o => (bool?)o["deprecated"]), Is.All.True);
        Assert.That(
            operations.Select(o => DateTimeOffset.Parse((string)o["x-ms-deprecation"]!["removalDate"]!, CultureInfo.InvariantCulture)),
            Is.All.EqualTo(new DateTimeOffset(2028, 12, 31, 17, 0, 0, TimeSpan.Zero)),
            "the sunset instant, for client generators");
        Assert.That(await Client.GetStringAsync("/swagger/index.js"), Does.Contain("\"name\":\"Dti.Api v1 (deprecated)\""));
    }
}
