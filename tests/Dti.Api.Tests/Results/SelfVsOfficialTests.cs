using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.SelfAssessments;
using Dti.Application.Common.Csv;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;

namespace Dti.Api.Tests.Results;

/// <summary>
/// The 2022 self-assessment built from accepted reports under a 2022 plan — Sở TT&amp;TT's Q4 report gives Hoạt động chính
/// quyền số (7) 0.70, Công an tỉnh's gives An toàn thông tin mạng (5) 0.75 — finalised and signed, then set beside the
/// official DTI 2022 figures of the reference data: Cần Thơ's published main-index values (0.7325 and 0.7226, DTI 0.6924,
/// 5th) and Quảng Trị's rank only (55th).
/// </summary>
public sealed class SelfVsOfficialTests(DatabaseProvider provider) : SelfAssessmentFixture(provider)
{

    [Test]
    public async Task TheFinalisedSelfAssessmentStandsBesideCanThosPublishedMainIndices()
    {
        await AcceptedReportsOf2022();
        await Finalised(await Open2022());

        var comparison = await Read(Reviewer, "/api/v1/province-units/CAN-THO/results/2022/self-vs-official");
        var index7 = MainIndex(comparison, "7");
        var index5 = MainIndex(comparison, "5");
        var index1 = MainIndex(comparison, "1");
        var smartCity = MainIndex(comparison, "6");
        Assert.Multiple(() =>
        {
            Assert.That(comparison.GetProperty("revision").GetInt32(), Is.EqualTo(1));
            Assert.That(comparison.GetProperty("frameworkCode").GetString(), Is.EqualTo("QD-922-2022"));
            Assert.That(comparison.GetProperty("fieldSize").GetInt32(), Is.EqualTo(63));
            Assert.That(comparison.GetProperty("provinceName").GetString(), Is.EqualTo("TP. Cần Thơ"));
            Assert.That(comparison.GetProperty("mainIndices").GetArrayLength(), Is.EqualTo(9), "every main index of QĐ 922");
            Assert.That(index7.GetProperty("name").GetString(), Is.EqualTo("Hoạt động chính quyền số"));
            Assert.That(index7.GetProperty("selfValue").GetDecimal(), Is.EqualTo(0.70m));
            Assert.That(index7.GetProperty("officialValue").GetDecimal(), Is.EqualTo(0.7325m));
            Assert.That(index7.GetProperty("difference").GetDecimal(), Is.EqualTo(0.0325m), "official − self");
            Assert.That(index5.GetProperty("difference").GetDecimal(), Is.EqualTo(-0.0274m), "0.7226 − 0.75: the ministry found less");
            Assert.That(index1.GetProperty("selfValue").ValueKind, Is.EqualTo(JsonValueKind.Null), "nobody reported index 1");
            Assert.That(index1.GetProperty("officialValue").GetDecimal(), Is.EqualTo(0.9m));
            Assert.That(index1.GetProperty("difference").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(smartCity.GetProperty("isScored").GetBoolean(), Is.False);
            Assert.That(smartCity.GetProperty("officialValue").ValueKind, Is.EqualTo(JsonValueKind.Null), "no official figure: listed with a null value");
            Assert.That(comparison.GetProperty("selfDti").GetDecimal(), Is.EqualTo(0.215m), "(0.70 × 200 + 0.75 × 100) / 1000");
            Assert.That(comparison.GetProperty("officialDti").GetDecimal(), Is.EqualTo(0.6924m));
            Assert.That(comparison.GetProperty("officialRank").GetInt32(), Is.EqualTo(5));
            Assert.That(comparison.GetProperty("dtiDifference").GetDecimal(), Is.EqualTo(0.4774m));
        });
    }

    [Test]
    public async Task AUnitPublishedWithARankOnlyHasNullOfficialValues()
    {
        await AcceptedReportsOf2022();
        await Finalised(await Open2022());

        var comparison = await Read(Reviewer, "/api/v1/province-units/QUANG-TRI/results/2022/self-vs-official");

        Assert.Multiple(() =>
        {
            Assert.That(comparison.GetProperty("officialRank").GetInt32(), Is.EqualTo(55));
            Assert.That(comparison.GetProperty("officialDti").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(comparison.GetProperty("dtiDifference").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(comparison.GetProperty("mainIndices").EnumerateArray().Select(m => m.GetProperty("officialValue").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
            Assert.That(MainIndex(comparison, "7").GetProperty("selfValue").GetDecimal(), Is.EqualTo(0.70m));
        });
    }

    [Test]
    public async Task WithoutAFinalisedRevisionTheComparisonIsNotFoundAndTheDraftIsNeverRead()
    {
        await AcceptedReportsOf2022();
        var opened = await Open2022();
        var draftOnly = await Reviewer.GetAsync("/api/v1/province-units/CAN-THO/results/2022/self-vs-official");
        var draftOnlyCsv = await Reviewer.GetAsync("/api/v1/province-units/CAN-THO/results/2022/self-vs-official.csv");
        await draftOnly.AssertProblem(HttpStatusCode.NotFound, rule: "self-assessment.not-finalised");
        await draftOnlyCsv.AssertProblem(HttpStatusCode.NotFound, rule: "self-assessment.not-finalised");

        var finalised = await Finalised(opened);
        var reopened = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2022/reopen", null, finalised.ETag));
        var overridden = await Expect(await Reviewer.SendWithIfMatch(
            HttpMethod.Put, $"{Assessments}/2022/indices/7/override", new { value = 0.9m, reason = "Số liệu dịch vụ công trực tuyến cập nhật (minh họa)" }, reopened.ETag));
        var whileReopened = MainIndex(await Read(Reviewer, "/api/v1/province-units/CAN-THO/results/2022/self-vs-official"), "7");
        await Finalised(overridden);
        var revision2 = await Read(Reviewer, "/api/v1/province-units/CAN-THO/results/2022/self-vs-official");

        Assert.Multiple(() =>
        {
            Assert.That(whileReopened.GetProperty("selfValue").GetDecimal(), Is.EqualTo(0.70m), "revision 1 as signed, not the reopened draft's 0.9");
            Assert.That(revision2.GetProperty("revision").GetInt32(), Is.EqualTo(2), "the latest finalised revision");
            Assert.That(MainIndex(revision2, "7").GetProperty("selfValue").GetDecimal(), Is.EqualTo(0.9m));
            Assert.That(MainIndex(revision2, "7").GetProperty("difference").GetDecimal(), Is.EqualTo(-0.1675m));
        });
    }

    [Test]
    public async Task TheMinistryAndReadersMayCompareButAgencyReportersMayNot()
    {
        await Finalised(await Open2022());
        var ministry = await ClockedClient(ClientRole.Ministry);
        var reader = await ClockedClient(ClientRole.Reader);

        Assert.Multiple(async () =>
        {
            Assert.That((await ministry.GetAsync("/api/v1/province-units/CAN-THO/results/2022/self-vs-official")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await reader.GetAsync("/api/v1/province-units/CAN-THO/results/2022/self-vs-official.csv")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await IctReporter.GetAsync("/api/v1/province-units/CAN-THO/results/2022/self-vs-official")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task TheCsvHasTheDtiRowAndOneRowPerMainIndexWithTheVietnameseIntact()
    {
        await AcceptedReportsOf2022();
        await Finalised(await Open2022());

        var json = await Read(Reviewer, "/api/v1/province-units/CAN-THO/results/2022/self-vs-official");
        var response = await Reviewer.GetAsync("/api/v1/province-units/CAN-THO/results/2022/self-vs-official.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = CsvTable.Parse(Encoding.UTF8.GetString(bytes[3..]));
        var dti = csv.Rows[0];
        var index7 = csv.Rows.Single(r => csv.Cell(r, "code") == "7");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("Tự đánh giá và kết quả DTI 2022 - TP. Cần Thơ.csv"));
            Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()));
            Assert.That(csv.Header, Is.EqualTo(new[] { "year", "fieldSize", "revision", "provinceCode", "provinceName", "frameworkCode", "kind", "code", "name", "isScored", "maxPoints", "selfValue", "officialValue", "officialRank", "officialOrigin", "difference" }));
            Assert.That(csv.Rows, Has.Count.EqualTo(json.GetProperty("mainIndices").GetArrayLength() + 1), "the DTI's row and one per main index");
            Assert.That(Contains(bytes, Encoding.UTF8.GetBytes(",TP. Cần Thơ,".Normalize(NormalizationForm.FormC))), "the province's name byte for byte, NFC");
            Assert.That(csv.Cell(dti, "kind"), Is.EqualTo("Dti"));
            Assert.That((csv.Cell(dti, "selfValue"), csv.Cell(dti, "officialValue"), csv.Cell(dti, "difference")), Is.EqualTo(("0.2150", "0.6924", "0.4774")));
            Assert.That(csv.Cell(index7, "name"), Is.EqualTo("Hoạt động chính quyền số"));
            Assert.That((csv.Cell(index7, "selfValue"), csv.Cell(index7, "officialValue"), csv.Cell(index7, "difference")), Is.EqualTo(("0.7000", "0.7325", "0.0325")));
        });
    }

    internal static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>
    /// A 2022 plan of the province (illustrative: Sở TT&amp;TT leads index 7, Công an tỉnh index 5), issued; each lead's 2022Q4 report
    /// submitted on 20/12/2022 and accepted.
    /// </summary>
    private async Task AcceptedReportsOf2022()
    {
        var plan = (await Client.CreatePlan(new
        {
            kind = "Plan",
            documentNumber = "95/KH-UBND",
            issuerAgencyId = Province,
            issueDate = "2022-04-15",
            title = "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị năm 2022 (minh họa)",
            firstAssessmentYear = 2022,
            lastAssessmentYear = 2022,
            solutionGroups = new[] { new { order = 1, title = "Về chính quyền số", mainIndexCode = "7" } },
        })).GetProperty("id").GetGuid();
        await Client.CreateAssignment(plan, new { indexCode = "7", leadAgencyId = Ict });
        await Client.CreateAssignment(plan, new { indexCode = "5", leadAgencyId = Police });
        await IssueWithRules(plan, Quarterly);
        Clock.Now = VietnamTime(2022, 12, 20, 9);
        foreach (var (reporter, agency, code, value, score) in new[] { (IctReporter, Ict, "7", 0.70m, 140m), (await ReporterOf(Police), Police, "5", 0.75m, 75m) })
        {
            var draft = await CreatePeriodic(reporter, agency, "2022Q4", plan);
            var filled = await Expect(await Put(reporter, draft, Content2022(code, value, score)));
            var submitted = await Expect(await Act(reporter, filled, "submit"));
            await Expect(await Act(Reviewer, submitted, "accept"));
        }

        Clock.Now = VietnamTime(2023, 1, 10, 9);
    }

    private static object Content2022(string code, decimal value, decimal score) => new
    {
        entries = new[] { new { indexCode = code, numericValue = value, score, asOf = "2022-12-15", evidenceIds = Array.Empty<Guid>() } },
        results = "Số liệu quý 4/2022 của chỉ số được giao chủ trì.",
    };

    private async Task<Step> Open2022()
    {
        var rule = await RuleId(ReferenceDeadlineRules.QuangBinhSelfAssessmentName);
        return await Expect(await Reviewer.PostAsJsonAsync(Assessments, new { assessmentYear = 2022, deadlineRuleId = rule }), HttpStatusCode.Created);
    }

    private async Task<Step> Finalised(Step open) =>
        await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2022/finalise", null, open.ETag));

    private static JsonElement MainIndex(JsonElement comparison, string code) =>
        comparison.GetProperty("mainIndices").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
}
