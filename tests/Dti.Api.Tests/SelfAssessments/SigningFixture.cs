using System.Net;
using System.Text.Json;
using Dti.Api.Tests.Reports;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.SelfAssessments;

/// <summary>
/// <see cref="ReportFixture"/> with the province's signing certificate configured, so self-assessments can be finalised
/// into signed snapshots.
/// </summary>
public abstract class SigningFixture(DatabaseProvider provider) : ReportFixture(provider)
{
    protected ProvinceCertificate Certificate { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => Certificate.Settings;

    [OneTimeTearDown]
    public void DeleteCertificate() => Certificate.Dispose();

    /// <summary>GETs <paramref name="uri"/>, asserts 200 and returns the JSON.</summary>
    protected static async Task<JsonElement> Read(HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
