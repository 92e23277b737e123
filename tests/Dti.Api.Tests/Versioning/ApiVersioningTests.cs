using System.Net;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Versioning;

/// <summary>URL-segment versioning as served by default: v1 is current, other versions do not exist.</summary>
public sealed class ApiVersioningTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task ResponsesNameTheSupportedVersionsAndNoDeprecation()
    {
        var response = await Client.GetAsync("/api/v1/frameworks");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("api-supported-versions"), Is.EqualTo(new[] { "1.0" }));
        Assert.That(response.Headers.Select(h => h.Key), Has.None.AnyOf("api-deprecated-versions", "Deprecation", "Sunset", "Link"));
    }

    [TestCase("/api/v9/frameworks")]
    [TestCase("/api/v2/agencies")]
    [TestCase("/api/v0.9/me")]
    [TestCase("/api/v1.0/me")]
    public async Task AnUnsupportedVersionIsANotFoundProblem(string url) =>
        await (await Client.GetAsync(url)).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task AWriteToAnUnsupportedVersionIsANotFoundProblemAndChangesNothing()
    {
        using var content = new StringContent("""{"text":"hằng quý trước ngày 25 của tháng cuối quý"}""", System.Text.Encoding.UTF8, "application/json");

        await (await Client.PostAsync("/api/v9/deadline-rules/parse", content)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task SwaggerUiOffersOneDocumentPerVersion()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var ui = await Client.GetStringAsync("/swagger/index.js");

        Assert.That((string?)document["info"]!["version"], Is.EqualTo("v1"));
        Assert.That(ui, Does.Contain("\"url\":\"/swagger/v1/swagger.json\"").And.Contain("\"name\":\"Dti.Api v1\""));
        Assert.That((await Client.GetAsync("/swagger/v2/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
