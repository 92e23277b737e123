using System.Net;
using System.Text.Json;
using Dti.Api.Tests.Reports;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.SelfAssessments;

/// <summary>
/// <see cref="ReportFixture"/> with the province's signing certificate configured, so that self-assessments can be
/// finalised into signed snapshots, and the reads the self-assessment tests share.
/// </summary>
public abstract class SelfAssessmentFixture(DatabaseProvider provider) : ReportFixture(provider)
{
    protected const string Assessments = "/api/v1/self-assessments";

    protected ProvinceCertificate Certificate { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => Certificate.Settings;

    [OneTimeTearDown]
    public void DeleteCertificate() => Certificate.Dispose();

    /// <summary>The index <paramref name="code"/> of a self-assessment or a comparison.</summary>
    protected static JsonElement Index(JsonElement indexed, string code) =>
        indexed.GetProperty("indices").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    protected static async Task<JsonElement> Read(HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
