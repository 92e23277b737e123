using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.Reports;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;

namespace Dti.Api.Tests.SelfAssessments;

/// <summary>
/// The 2023 self-assessment of Plan 170/KH-UBND's province from reports made through HTTP: Sở TT&amp;TT's Q4 report (index 7)
/// returned, resubmitted and accepted, its Q3 report submitted and not yet reviewed; nothing from Công an tỉnh (index 5).
/// Finalised into signed snapshots the ministry pulls and checks with openssl.
/// </summary>
public sealed class SelfAssessmentTests(DatabaseProvider provider) : ReportFixture(provider)
{
    private const string Assessments = "/api/v1/self-assessments";

    private readonly ProvinceCertificate _certificate = new();

    protected override IReadOnlyDictionary<string, string?> Settings => _certificate.Settings;

    [OneTimeTearDown]
    public void DeleteCertificate() => _certificate.Dispose();

    [Test]
    public async Task ConsolidationTakesTheAcceptedVersionOfTheLeadAndNamesTheLeadToChase()
    {
        var accepted = await AcceptedQ4OfIctAfterAReturn();
        var opened = await Open();

        var year = await Read(Reviewer, $"{Assessments}/2023");
        var index7 = Index(year, "7");
        var index5 = Index(year, "5");
        Assert.Multiple(() =>
        {
            Assert.That(opened.Json.GetProperty("state").GetString(), Is.EqualTo("Open"));
            Assert.That(year.GetProperty("frameworkCode").GetString(), Is.EqualTo("QD-922-2022"));
            Assert.That(index7.GetProperty("status").GetString(), Is.EqualTo("Reported"));
            Assert.That(index7.GetProperty("value").GetDecimal(), Is.EqualTo(0.6m), "version 2, not the returned version 1 (0.5) nor the unreviewed Q3 report (0.9)");
            Assert.That(index7.GetProperty("score").GetDecimal(), Is.EqualTo(120m));
            var provenance = index7.GetProperty("reported").GetProperty("provenance");
            Assert.That(provenance.GetProperty("reportId").GetGuid(), Is.EqualTo(accepted));
            Assert.That(provenance.GetProperty("versionNumber").GetInt32(), Is.EqualTo(2));
            Assert.That(provenance.GetProperty("agency").GetProperty("id").GetGuid(), Is.EqualTo(Ict));
            Assert.That(provenance.GetProperty("submittedAt").GetDateTimeOffset(), Is.EqualTo(VietnamTime(2023, 12, 22, 9)));
            Assert.That(index5.GetProperty("status").GetString(), Is.EqualTo("Missing"));
            Assert.That(index5.GetProperty("leadAgencies")[0].GetProperty("id").GetGuid(), Is.EqualTo(Police), "the lead to chase");
            Assert.That(year.GetProperty("score").GetProperty("value").GetDecimal(), Is.EqualTo(0.12m), "0.6 × 200 / 1000");
            Assert.That(year.GetProperty("completeness").GetProperty("indices").GetInt32(), Is.EqualTo(9));
            Assert.That(year.GetProperty("completeness").GetProperty("withValue").GetInt32(), Is.EqualTo(1));
            Assert.That(year.GetProperty("completeness").GetProperty("missingByLead")[0].GetProperty("agency").GetProperty("id").GetGuid(), Is.EqualTo(Police));
            Assert.That(year.GetProperty("deadline").GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2024-01-15"), "before 15/01/2024 is Sunday 14/01, rolled over to Monday");
            Assert.That(year.GetProperty("deadline").GetProperty("status").GetString(), Is.EqualTo("Upcoming"));
        });
    }

    [Test]
    public async Task AnOverrideKeepsTheReportedFiguresBesideItAndCountsInTheScore()
    {
        await AcceptedQ4OfIctAfterAReturn();
        var opened = await Open();

        var overridden = await Expect(await Reviewer.SendWithIfMatch(
            HttpMethod.Put, $"{Assessments}/2023/indices/7/override", new { value = 0.65m, reason = "Số liệu hệ thống một cửa cập nhật đến 31/12 (minh họa)" }, opened.ETag));
        var stale = await Reviewer.SendWithIfMatch(HttpMethod.Put, $"{Assessments}/2023/indices/5/override", new { value = 0.5m, reason = "x" }, opened.ETag);
        var outOfScale = await Reviewer.SendWithIfMatch(HttpMethod.Put, $"{Assessments}/2023/indices/5/override", new { value = 1.5m, reason = "x" }, overridden.ETag);

        var index7 = Index(overridden.Json, "7");
        Assert.Multiple(() =>
        {
            Assert.That(index7.GetProperty("status").GetString(), Is.EqualTo("Overridden"));
            Assert.That(index7.GetProperty("value").GetDecimal(), Is.EqualTo(0.65m));
            Assert.That(index7.GetProperty("score").GetDecimal(), Is.EqualTo(120m), "the score was not overridden");
            Assert.That(index7.GetProperty("reported").GetProperty("value").GetDecimal(), Is.EqualTo(0.6m), "the original stays visible");
            Assert.That(index7.GetProperty("override").GetProperty("reason").GetString(), Does.StartWith("Số liệu"));
            Assert.That(overridden.Json.GetProperty("score").GetProperty("value").GetDecimal(), Is.EqualTo(0.13m));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(outOfScale.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        });
        var audit = await Read(Client, "/api/v1/audit?entityType=SelfAssessmentOverride");
        Assert.That(audit.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "the override is in the audit trail");
    }

    [Test]
    public async Task TheMinistryPullsASignedSnapshotThatOpensslVerifiesAndEveryPullIsRecorded()
    {
        await AcceptedQ4OfIctAfterAReturn();
        var opened = await Open();
        Clock.Now = VietnamTime(2024, 1, 12, 16);
        var finalised = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2023/finalise", null, opened.ETag));
        var ministry = await ClockedClient(ClientRole.Ministry);

        var list = await Read(ministry, $"{Assessments}/2023/snapshots");
        var first = await ministry.GetAsync($"{Assessments}/2023/snapshots/1");
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var again = await ministry.GetByteArrayAsync($"{Assessments}/2023/snapshots/1");
        var held = new HttpRequestMessage(HttpMethod.Get, $"{Assessments}/2023/snapshots/1");
        held.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await ministry.SendAsync(held);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var document = JsonDocument.Parse(bytes).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(finalised.Json.GetProperty("state").GetString(), Is.EqualTo("Finalised"));
            Assert.That(finalised.Json.GetProperty("deadline").GetProperty("status").GetString(), Is.EqualTo("FinalisedOnTime"));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.ETag!.Tag, Is.EqualTo($"\"{sha256}\""), "the ETag is the SHA-256 of the bytes");
            Assert.That(list.GetProperty("items")[0].GetProperty("sha256").GetString(), Is.EqualTo(sha256));
            Assert.That(list.GetProperty("items")[0].GetProperty("signerThumbprint").GetString(), Is.EqualTo(_certificate.Thumbprint));
            Assert.That(again, Is.EqualTo(bytes), "byte-identical on every download");
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(document.GetProperty("score").GetProperty("dti").GetString(), Is.EqualTo("0.1200"), "decimals as strings at a fixed scale");
            Assert.That(document.GetProperty("indices")[6].GetProperty("selfAssessed").GetProperty("score").GetString(), Is.EqualTo("120.00"));
            Assert.That(document.GetProperty("indices")[6].GetProperty("appraised").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("Hoạt động chính quyền số").And.Not.Contain("\\u"), "NFC text, not escaped");
            Assert.That(document.EnumerateObject().Select(p => p.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "keys in ordinal order");
        });

        // The ministry verifies with openssl: the certificate the API publishes, the signature, the document.
        var certificate = await ministry.GetStringAsync($"{Assessments}/signing-certificate");
        var signature = await ministry.GetByteArrayAsync($"{Assessments}/2023/snapshots/1?format=Signature");
        var (verified, why) = Openssl(certificate, bytes, signature);
        var tampered = (byte[])bytes.Clone();
        tampered[Array.IndexOf(tampered, (byte)'2')] = (byte)'3';
        var (forged, _) = Openssl(certificate, tampered, signature);
        Assert.Multiple(() =>
        {
            Assert.That(verified, Is.True, why);
            Assert.That(forged, Is.False, "a tampered document fails verification");
        });

        var csv = await ministry.GetByteArrayAsync($"{Assessments}/2023/snapshots/1?format=Csv");
        var dhis2 = JsonDocument.Parse(await ministry.GetByteArrayAsync($"{Assessments}/2023/snapshots/1?format=Dhis2")).RootElement;
        var pulls = await Read(Reviewer, $"{Assessments}/2023/snapshots/pulls");
        Assert.Multiple(() =>
        {
            Assert.That(csv[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte-order mark, so a spreadsheet keeps the Vietnamese");
            Assert.That(Encoding.UTF8.GetString(csv), Does.Contain("7,Main,,Hoạt động chính quyền số,200.00,Reported,0.6000,120.00"));
            Assert.That(dhis2.GetProperty("period").GetString(), Is.EqualTo("2023"));
            Assert.That(dhis2.GetProperty("dataValues").EnumerateArray().Select(v => (v.GetProperty("dataElement").GetString(), v.GetProperty("value").GetString())),
                Is.EqualTo(new[] { ("7", "0.6000"), ("7.score", "120.00") }), "a DHIS2 dataValueSet: data elements are index codes");
            Assert.That(pulls.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("format").GetString(), p.GetProperty("role").GetString())),
                Is.EquivalentTo(new[] { ("json", "Ministry"), ("json", "Ministry"), ("signature", "Ministry"), ("csv", "Ministry"), ("dhis2", "Ministry") }), "every download, not the 304");
        });
    }

    [Test]
    public async Task ReopeningAndFinalisingAgainMakesRevisionTwoAndRevisionOneStaysByteForByte()
    {
        await AcceptedQ4OfIctAfterAReturn();
        var step = await Open();
        step = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2023/finalise", null, step.ETag));
        var revision1 = await Reviewer.GetByteArrayAsync($"{Assessments}/2023/snapshots/1");
        var refused = await Reviewer.SendWithIfMatch(HttpMethod.Put, $"{Assessments}/2023/indices/5/override", new { value = 0.5m, reason = "Công an tỉnh gửi số liệu muộn (minh họa)" }, step.ETag);

        step = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2023/reopen", null, step.ETag));
        step = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Put, $"{Assessments}/2023/indices/5/override", new { value = 0.5m, reason = "Công an tỉnh gửi số liệu muộn (minh họa)" }, step.ETag));
        step = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2023/finalise", null, step.ETag));

        var list = await Read(Reviewer, $"{Assessments}/2023/snapshots");
        var revision2 = JsonDocument.Parse(await Reviewer.GetByteArrayAsync($"{Assessments}/2023/snapshots/2")).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a finalised self-assessment changes only after reopening");
            Assert.That(step.Json.GetProperty("revision").GetInt32(), Is.EqualTo(2));
            Assert.That(list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("revision").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(revision2.GetProperty("score").GetProperty("dti").GetString(), Is.EqualTo("0.1700"));
            Assert.That(revision2.GetProperty("revision").GetInt32(), Is.EqualTo(2));
        });
        Assert.That(await Reviewer.GetByteArrayAsync($"{Assessments}/2023/snapshots/1"), Is.EqualTo(revision1), "revision 1 unchanged");
    }

    [Test]
    public async Task ReadersAndAgencyReportersCannotPullAndTheMinistryCannotSeeTheDraft()
    {
        var opened = await Open();
        await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2023/finalise", null, opened.ETag));
        var reader = await ClockedClient(ClientRole.Reader);
        var ministry = await ClockedClient(ClientRole.Ministry);

        Assert.Multiple(async () =>
        {
            Assert.That((await reader.GetAsync($"{Assessments}/2023/snapshots/1")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await IctReporter.GetAsync($"{Assessments}/2023/snapshots/1")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await IctReporter.GetAsync($"{Assessments}/2023/snapshots")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await ministry.GetAsync($"{Assessments}/2023")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await ministry.GetAsync($"{Assessments}/2023/snapshots/pulls")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await ministry.GetAsync($"{Assessments}/2023/snapshots/1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task AYearHasOneSelfAssessmentAndItsRuleMustBeAnnual()
    {
        await Open();
        var twice = await Reviewer.PostAsJsonAsync(Assessments, new { assessmentYear = 2023, deadlineRuleId = await RuleId(ReferenceDeadlineRules.QuangBinhSelfAssessmentName) });
        var quarterly = await Reviewer.PostAsJsonAsync(Assessments, new { assessmentYear = 2022, deadlineRuleId = Quarterly });
        var noFramework = await Reviewer.PostAsJsonAsync(Assessments, new { assessmentYear = 2019, deadlineRuleId = Quarterly });

        await twice.AssertProblem(HttpStatusCode.Conflict, "assessmentYear", "self-assessment.exists");
        await quarterly.AssertProblem(HttpStatusCode.UnprocessableEntity, "deadlineRuleId", "self-assessment.rule-not-annual");
        Assert.That(noFramework.StatusCode, Is.AnyOf(HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity));
    }

    /// <summary>
    /// Sở TT&amp;TT's Q4 report: index 7 at 0.5 (100 points) submitted 18/12, returned, corrected to 0.6 (120 points), submitted
    /// again 22/12 and accepted; its Q3 report gives 0.9 and awaits review. Returns the Q4 report's id.
    /// </summary>
    private async Task<Guid> AcceptedQ4OfIctAfterAReturn()
    {
        var first = await Submitted(IctReporter, Ict, Content(("7", 0.5m, 100m)), VietnamTime(2023, 12, 18, 16));
        var returned = await Expect(await Act(Reviewer, first, "return", new { reason = "Số liệu chưa khớp (minh họa)" }));
        var corrected = await Expect(await Put(IctReporter, returned, Content(("7", 0.6m, 120m))));
        Clock.Now = VietnamTime(2023, 12, 22, 9);
        await Expect(await Act(Reviewer, await Expect(await Act(IctReporter, corrected, "submit")), "accept"));
        await Submitted(IctReporter, Ict, Content(("7", 0.9m, 180m)), VietnamTime(2023, 12, 23, 9), "2023Q3");
        Clock.Now = VietnamTime(2024, 1, 2, 9);
        return first.Id;
    }

    private async Task<Step> Open()
    {
        var rule = await RuleId(ReferenceDeadlineRules.QuangBinhSelfAssessmentName);
        return await Expect(await Reviewer.PostAsJsonAsync(Assessments, new { assessmentYear = 2023, deadlineRuleId = rule }), HttpStatusCode.Created);
    }

    private static JsonElement Index(JsonElement assessment, string code) =>
        assessment.GetProperty("indices").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static async Task<JsonElement> Read(HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Runs exactly the check docs/self-assessment.md gives the ministry: <c>openssl cms -verify</c> of the detached
    /// signature over the document, trusting only the certificate the API publishes.
    /// </summary>
    private (bool Verified, string Output) Openssl(string certificatePem, byte[] document, byte[] signature)
    {
        var certificate = _certificate.FileNamed("published.pem");
        var content = _certificate.FileNamed("snapshot.json");
        var detached = _certificate.FileNamed("snapshot.json.p7s");
        File.WriteAllText(certificate, certificatePem);
        File.WriteAllBytes(content, document);
        File.WriteAllBytes(detached, signature);
        using var openssl = Process.Start(new ProcessStartInfo("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", detached, "-content", content, "-certfile", certificate, "-nointern", "-CAfile", certificate, "-purpose", "any", "-out", "/dev/null"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var output = openssl.StandardError.ReadToEnd() + openssl.StandardOutput.ReadToEnd();
        openssl.WaitForExit();
        return (openssl.ExitCode == 0, output);
    }
}
