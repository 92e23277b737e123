using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Common.Models;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// Input a hostile or careless client sends — null lists and items, absurd page numbers, control characters — is a 400
/// naming the field, the same on every database, and never reaches a handler or the database.
/// </summary>
public sealed class HostileInputTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _province;
    private Guid _plan;

    [SetUp]
    public async Task CreatePlan()
    {
        _province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị");
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
    }

    [TestCase("{}", "entries")]
    [TestCase("""{"entries":null}""", "entries")]
    [TestCase("""{"entries":[null]}""", "entries[0]")]
    [TestCase("""{"entries":[{"date":"2027-03-01","kind":"DayOff","reason":"Nghỉ"},null]}""", "entries[1]")]
    public async Task ANullScheduleOrScheduleEntryIsNamed(string body, string field)
    {
        await (await Send(HttpMethod.Put, "/api/v1/calendar/years/2027/official-schedule", body)).AssertProblem(HttpStatusCode.BadRequest, field);

        Assert.That(await InDatabase(db => db.OfficialSchedules.AnyAsync(s => s.Year == 2027)), Is.False);
    }

    [TestCase("{}")]
    [TestCase("""{"ruleIds":null}""")]
    public async Task NullReportingRulesAreNamed(string body) =>
        await (await Send(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", body)).AssertProblem(HttpStatusCode.BadRequest, "ruleIds");

    [TestCase("/api/v1/calendar/years/2027/official-schedule", "PUT")]
    [TestCase("/api/v1/agencies", "POST")]
    [TestCase("/api/v1/plans", "POST")]
    [TestCase("/api/v1/deadline-rules/parse", "POST")]
    public async Task ANullBodyIsA400(string url, string method) =>
        await (await Send(new HttpMethod(method), url, "null")).AssertProblem(HttpStatusCode.BadRequest);

    [TestCase("solutionGroups", "solutionGroups[0]")]
    [TestCase("indexTargets", "indexTargets[0]")]
    public async Task ANullItemInAPlanListIsNamed(string list, string field)
    {
        var body = JsonSerializer.SerializeToNode(ApiRequests.PlanBody(_province, "171/KH-UBND"))!.AsObject();
        body[list] = new JsonArray((JsonNode?)null);

        await (await Client.PostAsJsonAsync("/api/v1/plans", body)).AssertProblem(HttpStatusCode.BadRequest, field);
    }

    [TestCase("pillars", "pillars[1]")]
    [TestCase("mainIndices", "mainIndices[1]")]
    [TestCase("componentIndices", "componentIndices[1]")]
    public async Task ANullItemInAFrameworkListIsNamed(string list, string field)
    {
        var body = FrameworkBodies.Complete();
        body[list]!.AsArray().Insert(1, null);

        await (await Client.PostAsJsonAsync("/api/v1/frameworks", body)).AssertProblem(HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task ANullIndexCodeOfATaskIsNamed() =>
        await (await Send(HttpMethod.Post, $"/api/v1/plans/{_plan}/tasks", $$"""{"title":"T","leadAgencyId":"{{_province}}","indexCodes":["1",null]}"""))
            .AssertProblem(HttpStatusCode.BadRequest, "indexCodes[1]");

    [Test]
    public async Task AStructuredDeadlineRuleWithoutItsDueAnchorIsNamed() =>
        await (await Send(HttpMethod.Post, "/api/v1/deadline-rules", """{"name":"R","frequency":"Quarterly","due":null,"boundary":"Before"}"""))
            .AssertProblem(HttpStatusCode.BadRequest, "due");

    [TestCase("/api/v1/frameworks")]
    [TestCase("/api/v1/agencies")]
    [TestCase("/api/v1/plans")]
    [TestCase("/api/v1/tasks")]
    [TestCase("/api/v1/plans/{plan}/tasks")]
    [TestCase("/api/v1/plans/{plan}/assignments")]
    [TestCase("/api/v1/deadline-rules")]
    [TestCase("/api/v1/clients")]
    [TestCase("/api/v1/audit")]
    [TestCase("/api/v1/obligations?from=2023-01-01&to=2023-12-31")]
    public async Task EveryListBoundsThePageAndAnswersAPagePastTheEndEmpty(string list)
    {
        var url = list.Replace("{plan}", _plan.ToString(), StringComparison.Ordinal) + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?");

        await (await Client.GetAsync($"{url}page=21474838&pageSize=100")).AssertProblem(HttpStatusCode.BadRequest, "page");
        await (await Client.GetAsync($"{url}page={PageRequest.MaxPage + 1}")).AssertProblem(HttpStatusCode.BadRequest, "page");

        var first = await ReadJson(await Client.GetAsync($"{url}page=1&pageSize={PageRequest.MaxPageSize}"));
        var last = await Client.GetAsync($"{url}page={PageRequest.MaxPage}&pageSize={PageRequest.MaxPageSize}");
        var page = await ReadJson(last);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(page.GetProperty("page").GetInt32(), Is.EqualTo(PageRequest.MaxPage));
        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(first.GetProperty("totalCount").GetInt32()));
    }

    [Test]
    public async Task APageJustPastTheEndIsEmptyWithTheTotal()
    {
        await Client.CreateAgencyId("000.00.31.H50", "Sở KH&CN Quảng Trị");

        var page = await ReadJson(await Client.GetAsync("/api/v1/agencies?page=2&pageSize=2"));
        var past = await ReadJson(await Client.GetAsync("/api/v1/agencies?page=3&pageSize=2"));

        Assert.That(page.GetProperty("items").GetArrayLength(), Is.Zero, "two agencies fill page 1 of 2-item pages");
        Assert.That(past.GetProperty("page").GetInt32(), Is.EqualTo(3));
        Assert.That(past.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
        Assert.That(past.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [TestCase("%00")]
    [TestCase("Qu%01ang")]
    [TestCase("%1B")]
    [TestCase("%7F")]
    public async Task AControlCharacterInAQueryIsNamed(string q) =>
        await (await Client.GetAsync($"/api/v1/agencies?q={q}")).AssertProblem(HttpStatusCode.BadRequest, "q");

    [Test]
    public async Task AControlCharacterInAnUnknownQueryParameterIsNamedToo() =>
        await (await Client.GetAsync("/api/v1/frameworks?colour=%00")).AssertProblem(HttpStatusCode.BadRequest, "colour");

    // U+0000 in a path never gets this far: the server refuses to decode it.
    [TestCase("QD%01922")]
    [TestCase("QD-922%7F")]
    public async Task AControlCharacterInARouteValueIsNamed(string code) =>
        await (await Client.GetAsync($"/api/v1/frameworks/{code}")).AssertProblem(HttpStatusCode.BadRequest, "code");

    [TestCase("\\u0000")]
    [TestCase("\\u0007")]
    [TestCase("\\u001f")]
    [TestCase("\\u007f")]
    [TestCase("\\ud800")]
    [TestCase("\\udc00x")]
    public async Task AForbiddenCharacterInABodyIsNamedAndNothingIsStored(string escaped)
    {
        var response = await Send(HttpMethod.Post, "/api/v1/agencies", $$"""{"code":"000.00.32.H50","fullName":"Sở Y tế{{escaped}}","shortName":"Sở Y tế","kind":"Department","validFrom":"2020-01-01"}""");

        await response.AssertProblem(HttpStatusCode.BadRequest, "fullName");
        Assert.That(await InDatabase(db => db.Agencies.AnyAsync(a => a.Code == "000.00.32.H50")), Is.False);
    }

    [Test]
    public async Task AForbiddenCharacterDeepInABodyIsNamedByItsPath()
    {
        var body = JsonSerializer.SerializeToNode(ApiRequests.PlanBody(_province, "172/KH-UBND"))!.AsObject();
        body["solutionGroups"] = new JsonArray(new JsonObject { ["order"] = 1, ["title"] = "Về\u0000 nhận thức số", ["mainIndexCode"] = "1" });

        await (await Client.PostAsJsonAsync("/api/v1/plans", body)).AssertProblem(HttpStatusCode.BadRequest, "solutionGroups[0].title");
    }

    [Test]
    public async Task AForbiddenCharacterInADocumentNumberIsNamed()
    {
        var body = JsonSerializer.SerializeToNode(ApiRequests.PlanBody(_province, "173/KH\u0000-UBND"))!;

        await (await Client.PostAsJsonAsync("/api/v1/plans", body)).AssertProblem(HttpStatusCode.BadRequest, "documentNumber");
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task ProseKeepsItsTabsAndLineBreaks()
    {
        const string description = "Bước 1:\tkhảo sát\r\nBước 2:\ttriển khai\n";

        var task = await Client.CreateTask(_plan, new { title = "Khảo sát hạ tầng", description, leadAgencyId = _province });

        Assert.That(task.GetProperty("description").GetString(), Is.EqualTo(description.Trim()));
    }

    [Test]
    public async Task AControlCharacterInACsvImportNamesTheLine()
    {
        Assert.That((await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete())).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var csv = new StringContent("code,mainIndexCode,nameVi,measureType\n7.3,7,Hợp\u0000 lệ,Count\n", Encoding.UTF8, "text/csv");

        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/component-indices/import") { Content = csv };
        import.Headers.TryAddWithoutValidation("If-Match", await Client.ETag("/api/v1/frameworks/TEST-2015"));
        var problem = await (await Client.SendAsync(import)).AssertProblem(HttpStatusCode.BadRequest, "csv");

        Assert.That(problem.GetProperty("errors").GetProperty("csv")[0].GetString(), Does.StartWith("Line 2:").And.Contain("U+0000"));
    }

    [Test]
    public async Task AFeedKeyWithAControlCharacterIsNoKey()
    {
        var key = "dti_" + new string('0', 15) + "%00_secret";

        var response = await Anonymous.GetAsync($"/api/v1/agencies/{_province}/calendar.ics?access_key={key}");

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    /// <summary>Sends <paramref name="json"/> with the precondition a careful client sends, so that only the body is wrong.</summary>
    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (url.EndsWith("/official-schedule", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }
        else if (method == HttpMethod.Put)
        {
            request.Headers.TryAddWithoutValidation("If-Match", await Client.ETag(url));
        }

        return await Client.SendAsync(request);
    }
}
