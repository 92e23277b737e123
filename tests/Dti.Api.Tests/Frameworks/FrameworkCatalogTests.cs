using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Frameworks;

public sealed class FrameworkCatalogTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task ReferenceFrameworksAreLoadedOnFirstStart()
    {
        var list = await ReadJson(await Client.GetAsync("/api/v1/frameworks?sort=firstAssessmentYear"));

        Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items[0].GetProperty("code").GetString(), Is.EqualTo("QD-922-2022"));
        Assert.That(items[0].GetProperty("status").GetString(), Is.EqualTo("Published"));
        Assert.That(items[0].GetProperty("mainIndexCount").GetInt32(), Is.EqualTo(9));
        Assert.That(items[1].GetProperty("code").GetString(), Is.EqualTo("QD-405-2025"));
        Assert.That(items[1].GetProperty("status").GetString(), Is.EqualTo("Draft"));
        Assert.That(items[1].GetProperty("mainIndexCount").GetInt32(), Is.EqualTo(8));
    }

    [Test]
    public async Task Qd922TreeHasVerifiedPointsAndAnUnscoredSmartCityIndex()
    {
        var response = await Client.GetAsync("/api/v1/frameworks/QD-922-2022");
        var framework = await ReadJson(response);

        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(framework.GetProperty("decisionNumber").GetString(), Is.EqualTo("922/QĐ-BTTTT"));
        Assert.That(framework.GetProperty("issueDate").GetString(), Is.EqualTo("2022-05-20"));
        Assert.That(framework.GetProperty("scoredPoints").GetDecimal(), Is.EqualTo(1000m));
        var mains = framework.GetProperty("mainIndices").EnumerateArray().ToList();
        Assert.That(mains.Select(m => m.GetProperty("maxPoints").GetDecimal()), Is.EqualTo(new[] { 100m, 100m, 100m, 100m, 100m, 0m, 200m, 150m, 150m }));
        Assert.That(mains[5].GetProperty("nameVi").GetString(), Is.EqualTo("Đô thị thông minh"));
        Assert.That(mains[5].GetProperty("isScored").GetBoolean(), Is.False);
        Assert.That(mains[6].GetProperty("group").GetString(), Is.EqualTo("Activity"));
        Assert.That(framework.GetProperty("pillars").GetArrayLength(), Is.EqualTo(3));
    }

    [TestCase(2021, "QD-922-2022")]
    [TestCase(2023, "QD-922-2022")]
    [TestCase(2024, "QD-405-2025")]
    [TestCase(2030, "QD-405-2025")]
    public async Task TheFrameworkGoverningAYearIsFound(int year, string code)
    {
        var framework = await ReadJson(await Client.GetAsync($"/api/v1/assessment-years/{year}/framework"));

        Assert.That(framework.GetProperty("code").GetString(), Is.EqualTo(code));
    }

    [Test]
    public async Task AYearNoFrameworkGovernsIsNotFound() =>
        await (await Client.GetAsync("/api/v1/assessment-years/2019/framework")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task AYearOutsideTheSupportedRangeIsRejected() =>
        await (await Client.GetAsync("/api/v1/assessment-years/1999/framework")).AssertProblem(HttpStatusCode.BadRequest, "year");

    [Test]
    public async Task AnUnknownFrameworkIsNotFound() =>
        await (await Client.GetAsync("/api/v1/frameworks/QD-1-1999")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task AMainIndexIsReturnedWithItsComponents()
    {
        await Import(FrameworkBodies.Complete());

        var index = await ReadJson(await Client.GetAsync("/api/v1/frameworks/TEST-2015/indices/7"));

        Assert.That(index.GetProperty("level").GetString(), Is.EqualTo("Main"));
        Assert.That(index.GetProperty("maxPoints").GetDecimal(), Is.EqualTo(200m));
        Assert.That(index.GetProperty("componentIndices").EnumerateArray().Select(c => c.GetProperty("code").GetString()), Is.EqualTo(new[] { "7.1", "7.2" }));
    }

    [Test]
    public async Task AComponentIndexIsReturnedWithItsMainIndex()
    {
        await Import(FrameworkBodies.Complete());

        var index = await ReadJson(await Client.GetAsync("/api/v1/frameworks/TEST-2015/indices/7.2"));

        Assert.That(index.GetProperty("level").GetString(), Is.EqualTo("Component"));
        Assert.That(index.GetProperty("mainIndexCode").GetString(), Is.EqualTo("7"));
        Assert.That(index.GetProperty("measureType").GetString(), Is.EqualTo("Percentage"));
        Assert.That(index.GetProperty("isSample").GetBoolean(), Is.True);
    }

    [Test]
    public async Task AnUnknownIndexIsNotFound() =>
        await (await Client.GetAsync("/api/v1/frameworks/QD-922-2022/indices/7.99")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task ListsArePagedAndSayTheTotal()
    {
        await Import(FrameworkBodies.Complete("TEST-2015", 2015, 2016));
        await Import(FrameworkBodies.Complete("TEST-2017", 2017, 2018));

        var page = await ReadJson(await Client.GetAsync("/api/v1/frameworks?page=2&pageSize=1&sort=code"));

        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(4));
        Assert.That(page.GetProperty("totalPages").GetInt32(), Is.EqualTo(4));
        Assert.That(page.GetProperty("items").EnumerateArray().Single().GetProperty("code").GetString(), Is.EqualTo("QD-922-2022"));
    }

    [Test]
    public async Task ListsFilterByStatusAndYear()
    {
        var drafts = await ReadJson(await Client.GetAsync("/api/v1/frameworks?status=Draft"));
        var year2022 = await ReadJson(await Client.GetAsync("/api/v1/frameworks?year=2022"));

        Assert.That(drafts.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "QD-405-2025" }));
        Assert.That(year2022.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "QD-922-2022" }));
    }

    [TestCase("pageSize=101", "pageSize")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("sort=title", "sort")]
    [TestCase("status=Archived", "status")]
    [TestCase("page=abc", "page")]
    public async Task BadListParametersAreRejectedNamingTheParameter(string query, string field) =>
        await (await Client.GetAsync($"/api/v1/frameworks?{query}")).AssertProblem(HttpStatusCode.BadRequest, field);

    [Test]
    public async Task ImportingAFrameworkCreatesADraftAndVietnameseRoundTripsAsNfc()
    {
        var body = FrameworkBodies.Complete();
        var decomposed = "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh".Normalize(NormalizationForm.FormD);
        body["titleVi"] = decomposed;

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);
        var created = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/v1/frameworks/TEST-2015"));
        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("Draft"));
        var fetched = await Client.GetStringAsync("/api/v1/frameworks/TEST-2015");
        Assert.That(fetched, Does.Contain("\"titleVi\":\"Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh\""), "stored NFC, written as UTF-8, byte-exact");
        var stored = await InDatabase(db => db.Frameworks.Where(f => f.Code == "TEST-2015").Select(f => f.TitleVi).SingleAsync());
        Assert.That(stored.IsNormalized(NormalizationForm.FormC), Is.True);
    }

    [Test]
    public async Task ImportingAnExistingCodeConflicts()
    {
        await Import(FrameworkBodies.Complete());

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete("TEST-2015", 2019, 2019));

        await response.AssertProblem(HttpStatusCode.Conflict, "code", "framework.code-taken");
    }

    [Test]
    public async Task ImportingAFrameworkForYearsAlreadyGovernedConflicts()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete("TEST-2023", 2023, 2023));

        await response.AssertProblem(HttpStatusCode.Conflict, "firstAssessmentYear", "framework.years-overlap");
        Assert.That(await InDatabase(db => db.Frameworks.CountAsync()), Is.EqualTo(2), "nothing stored");
    }

    [Test]
    public async Task DuplicateIndexCodesAreRejectedNamingTheDuplicate()
    {
        var body = FrameworkBodies.Complete();
        body["componentIndices"]!.AsArray().Add(FrameworkBodies.Component("7.1", "7", "Trùng mã", null));

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "componentIndices[2].code", "framework.structure");
    }

    [Test]
    public async Task AllValidationFailuresAreReportedAtOnceWithCamelCasePaths()
    {
        var body = FrameworkBodies.Complete();
        body["code"] = "bad code";
        body["mainIndices"]![2]!["maxPoints"] = 5000;
        body["componentIndices"]![1]!["nameVi"] = "";

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "mainIndices[2].maxPoints");

        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.That(fields, Is.SupersetOf(new[] { "code", "mainIndices[2].maxPoints", "componentIndices[1].nameVi" }));
    }

    [Test]
    public async Task AMisspelledPropertyIsRejectedNotIgnored()
    {
        var body = FrameworkBodies.Complete();
        body["mainIndices"]![0]!.AsObject().Add("maxPonts", 100);

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);

        await response.AssertProblem(HttpStatusCode.BadRequest, "mainIndices[0].maxPonts");
    }

    [Test]
    public async Task MalformedJsonIsABadRequest()
    {
        using var content = new StringContent("{\"code\": \"X\", ", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync("/api/v1/frameworks", content);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("not valid JSON"));
    }

    [Test]
    public async Task AWrongValueTypeNamesTheField()
    {
        var body = FrameworkBodies.Complete();
        body["firstAssessmentYear"] = "năm 2040";

        await (await Client.PostAsJsonAsync("/api/v1/frameworks", body)).AssertProblem(HttpStatusCode.BadRequest, "firstAssessmentYear");
    }

    [Test]
    public async Task AnUnknownEnumValueNamesTheField()
    {
        var body = FrameworkBodies.Complete();
        body["mainIndices"]![0]!["group"] = "Basic";

        await (await Client.PostAsJsonAsync("/api/v1/frameworks", body)).AssertProblem(HttpStatusCode.BadRequest, "mainIndices[0].group");
    }

    [Test]
    public async Task AWrongContentTypeIsUnsupported()
    {
        using var content = new StringContent(FrameworkBodies.Complete().ToJsonString(), Encoding.UTF8, "text/plain");

        await (await Client.PostAsync("/api/v1/frameworks", content)).AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task AnOversizedBodyIsRefused()
    {
        var body = FrameworkBodies.Complete();
        body["titleEn"] = new string('x', 1_100_000);

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await InDatabase(db => db.Frameworks.CountAsync()), Is.EqualTo(2));
    }

    [Test]
    public async Task EditingADraftReplacesItsDefinitionAndChangesTheETag()
    {
        var created = await Import(FrameworkBodies.Complete());
        var body = FrameworkBodies.Complete();
        body["titleEn"] = "Renamed";

        var response = await Put("/api/v1/frameworks/TEST-2015", body, created.Headers.ETag!);
        var updated = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(updated.GetProperty("titleEn").GetString(), Is.EqualTo("Renamed"));
        Assert.That(response.Headers.ETag, Is.Not.EqualTo(created.Headers.ETag));
    }

    [Test]
    public async Task EditingWithAStaleETagFailsAndChangesNothing()
    {
        var created = await Import(FrameworkBodies.Complete());
        var first = FrameworkBodies.Complete();
        first["titleEn"] = "First writer";
        Assert.That((await Put("/api/v1/frameworks/TEST-2015", first, created.Headers.ETag!)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var second = FrameworkBodies.Complete();
        second["titleEn"] = "Second writer";

        var response = await Put("/api/v1/frameworks/TEST-2015", second, created.Headers.ETag!);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        var stored = await ReadJson(await Client.GetAsync("/api/v1/frameworks/TEST-2015"));
        Assert.That(stored.GetProperty("titleEn").GetString(), Is.EqualTo("First writer"));
    }

    [Test]
    public async Task APublishedFrameworkCannotBeEdited()
    {
        var body = FrameworkBodies.Complete("QD-922-2022", 2021, 2023);

        var response = await Client.SendCurrent(HttpMethod.Put, "/api/v1/frameworks/QD-922-2022", body);

        await response.AssertProblem(HttpStatusCode.Conflict, rule: "framework.published-immutable");
        var stored = await ReadJson(await Client.GetAsync("/api/v1/frameworks/QD-922-2022"));
        Assert.That(stored.GetProperty("decisionNumber").GetString(), Is.EqualTo("922/QĐ-BTTTT"));
    }

    [Test]
    public async Task EditingAnUnknownFrameworkIsNotFound() =>
        await (await Client.SendWithIfMatch(HttpMethod.Put, "/api/v1/frameworks/NOPE-1", FrameworkBodies.Complete("NOPE-1"), "\"1\"")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task ACompleteDraftCanBePublishedAndThenNoLongerChanges()
    {
        await Import(FrameworkBodies.Complete());

        var published = await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish", resource: "/api/v1/frameworks/TEST-2015");

        Assert.That((await ReadJson(published)).GetProperty("status").GetString(), Is.EqualTo("Published"));
        await (await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish", resource: "/api/v1/frameworks/TEST-2015")).AssertProblem(HttpStatusCode.Conflict, rule: "framework.published-immutable");
    }

    [Test]
    public async Task PublishingQd405ListsEveryMissingPoint()
    {
        var response = await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/QD-405-2025/publish", resource: "/api/v1/frameworks/QD-405-2025");

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "mainIndices[7].maxPoints", "framework.incomplete");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Count(), Is.EqualTo(8));
        var stored = await ReadJson(await Client.GetAsync("/api/v1/frameworks/QD-405-2025"));
        Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("Draft"));
    }

    [Test]
    public async Task PublishingNeedsScoredPointsToAddUpTo1000()
    {
        var body = FrameworkBodies.Complete();
        body["mainIndices"]![8]!["maxPoints"] = 100;
        await Import(body);

        var response = await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish", resource: "/api/v1/frameworks/TEST-2015");

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "mainIndices", "framework.incomplete");
        Assert.That(problem.GetRawText(), Does.Contain("950"));
    }

    [Test]
    public async Task PublishingNeedsComponentPointsToAddUpToTheirMainIndex()
    {
        var body = FrameworkBodies.Complete();
        body["componentIndices"]![1]!["maxPoints"] = 50;
        await Import(body);

        var response = await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish", resource: "/api/v1/frameworks/TEST-2015");

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "mainIndices[6].componentIndices", "framework.incomplete");
    }

    [Test]
    public async Task PublishingWithAStaleETagFails()
    {
        var created = await Import(FrameworkBodies.Complete());
        await Put("/api/v1/frameworks/TEST-2015", FrameworkBodies.Complete(), created.Headers.ETag!);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish");
        request.Headers.IfMatch.Add(created.Headers.ETag!);

        await (await Client.SendAsync(request)).AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task ComponentIndicesAreImportedFromCsv()
    {
        var body = FrameworkBodies.Complete();
        body["componentIndices"] = new JsonArray();
        await Import(body);
        const string csv = """
            code,mainIndexCode,order,nameVi,maxPoints,measureType,unit,evidenceRequired,isSample
            7.1,7,1,"Tỷ lệ hồ sơ trực tuyến toàn trình, mẫu",120,Percentage,%,true,true
            7.2,7,2,Tỷ lệ số hóa hồ sơ (mẫu),80,Percentage,%,false,true
            """;

        var response = await PostCsv("/api/v1/frameworks/TEST-2015/component-indices/import", csv);
        var framework = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var components = framework.GetProperty("mainIndices")[6].GetProperty("componentIndices").EnumerateArray().ToList();
        Assert.That(components.Select(c => c.GetProperty("nameVi").GetString()), Is.EqualTo(new[] { "Tỷ lệ hồ sơ trực tuyến toàn trình, mẫu", "Tỷ lệ số hóa hồ sơ (mẫu)" }));
        Assert.That((await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish", resource: "/api/v1/frameworks/TEST-2015")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CsvRowsWithBadValuesAreRejectedNamingTheRow()
    {
        await Import(FrameworkBodies.Complete());
        const string csv = "code,mainIndexCode,nameVi,maxPoints,measureType\n7.3,7,Hợp lệ,10,Count\n7.4,7,,abc,Colour\n";

        var response = await PostCsv("/api/v1/frameworks/TEST-2015/component-indices/import", csv);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "rows[1].maxPoints");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.SupersetOf(new[] { "rows[1].nameVi", "rows[1].measureType" }));
        var stored = await ReadJson(await Client.GetAsync("/api/v1/frameworks/TEST-2015/indices/7"));
        Assert.That(stored.GetProperty("componentIndices").GetArrayLength(), Is.EqualTo(2), "nothing imported");
    }

    [Test]
    public async Task CsvWithAnUnknownColumnIsRejected()
    {
        await Import(FrameworkBodies.Complete());

        var response = await PostCsv("/api/v1/frameworks/TEST-2015/component-indices/import", "code,mainIndexCode,nameVi,measureType,colour\n7.3,7,X,Count,red\n");

        await response.AssertProblem(HttpStatusCode.BadRequest, "csv.header");
    }

    [Test]
    public async Task CsvRowsNamingAnUnknownMainIndexAreUnprocessable()
    {
        await Import(FrameworkBodies.Complete());

        var response = await PostCsv("/api/v1/frameworks/TEST-2015/component-indices/import", "code,mainIndexCode,nameVi,measureType\n42.1,42,X,Count\n");

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "rows[0].mainIndexCode", "framework.unknown-main-index");
    }

    [Test]
    public async Task CsvImportNeedsTheCsvMediaType()
    {
        await Import(FrameworkBodies.Complete());
        using var content = new StringContent("code,mainIndexCode,nameVi,measureType\n", Encoding.UTF8, "application/json");

        await (await Client.PostAsync("/api/v1/frameworks/TEST-2015/component-indices/import", content)).AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task CsvImportIntoAPublishedFrameworkConflicts() =>
        await (await PostCsv("/api/v1/frameworks/QD-922-2022/component-indices/import", "code,mainIndexCode,nameVi,measureType\n7.1,7,X,Count\n"))
            .AssertProblem(HttpStatusCode.Conflict, rule: "framework.published-immutable");

    private async Task<HttpResponseMessage> Import(JsonObject body)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return response;
    }

    private async Task<HttpResponseMessage> Put(string url, JsonObject body, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return await Client.SendAsync(request);
    }

    /// <summary>Imports CSV into the framework <paramref name="url"/> belongs to, naming the framework's current ETag.</summary>
    private async Task<HttpResponseMessage> PostCsv(string url, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.TryAddWithoutValidation("If-Match", await Client.ETag(url[..url.IndexOf("/component-indices", StringComparison.Ordinal)]));
        return await Client.SendAsync(request);
    }
}
