using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Obligations;

/// <summary>
/// Plan-170-like data: an issued plan for 2026 whose lead agencies report by the reference quarterly ("before the 25th
/// of the quarter's last month") and annual ("before 20/12") rules. Statuses are only asserted for years far in the
/// past (Overdue) or future (Upcoming).
/// </summary>
public sealed class ObligationTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Year2026 = "from=2026-01-01&to=2026-12-31";

    private Guid _province;
    private Guid _ict;
    private Guid _home;
    private Guid _police;
    private Guid _quarterly;
    private Guid _annual;

    [SetUp]
    public async Task CreateAgenciesAndRules()
    {
        _province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        _ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        _home = await Client.CreateAgencyId("000.00.32.H50", "Sở Nội vụ");
        _police = await Client.CreateAgencyId("000.00.33.H50", "Công an tỉnh");
        _quarterly = await RuleId(ReferenceDeadlineRules.QuangTriQuarterlyName);
        _annual = await RuleId(ReferenceDeadlineRules.QuangTriAnnualName);
    }

    [Test]
    public async Task LeadAgenciesOweEveryQuarterlyAndAnnualReportOf2026()
    {
        var plan = await IssuedPlan(2026, "2026-01-05");

        var result = await ReadJson(await Client.GetAsync($"/api/v1/obligations?{Year2026}&pageSize=100"));

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.That(result.GetProperty("totalCount").GetInt32(), Is.EqualTo(10), "5 deadlines × 2 lead agencies");
        var ict = items.Where(i => Agency(i) == _ict).ToList();
        Assert.That(ict.Select(i => (Period(i), LastDay(i))), Is.EqualTo(new[]
        {
            ("2026Q1", "2026-03-24"),
            ("2026Q2", "2026-06-24"),
            ("2026Q3", "2026-09-24"),
            ("2026", "2026-12-21"),
            ("2026Q4", "2026-12-24"),
        }));
        var annual = ict.Single(i => Period(i) == "2026");
        Assert.Multiple(() =>
        {
            Assert.That(annual.GetProperty("plan").GetProperty("id").GetGuid(), Is.EqualTo(plan));
            Assert.That(annual.GetProperty("plan").GetProperty("documentNumber").GetString(), Is.EqualTo("170/KH-UBND"));
            Assert.That(annual.GetProperty("rule").GetProperty("id").GetGuid(), Is.EqualTo(_annual));
            Assert.That(annual.GetProperty("agency").GetProperty("code").GetString(), Is.EqualTo("000.00.31.H50"));
            Assert.That(annual.GetProperty("agency").GetProperty("shortName").GetString(), Is.EqualTo("Sở TT&TT"));
            Assert.That(annual.GetProperty("role").GetString(), Is.EqualTo("Lead"));
            Assert.That(annual.GetProperty("nominalDate").GetString(), Is.EqualTo("2026-12-20"));
            Assert.That(annual.GetProperty("lastAllowedInstant").GetString(), Is.EqualTo("2026-12-21T23:59:59.9999999+07:00"));
            Assert.That(annual.GetProperty("dataWindow").GetProperty("from").GetString(), Is.EqualTo("2025-12-15"));
            Assert.That(Strings(annual, "indexCodes"), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(Strings(annual, "steps"), Has.Some.Contains("Saturday"));
            Assert.That(Strings(items.First(i => Agency(i) == _home), "indexCodes"), Is.EqualTo(new[] { "4" }));
        });
        Assert.That(items.Select(i => (LastDay(i), Agency(i))), Is.EqualTo(items.OrderBy(i => LastDay(i), StringComparer.Ordinal).Select(i => (LastDay(i), Agency(i)))));
        Assert.That(items.Take(2).Select(Agency), Is.EqualTo(new[] { _ict, _home }), "same deadline: by agency code");
    }

    [Test]
    public async Task RulesDueInTheFollowingMonthOrAtAnHourGiveTheirDeadlines()
    {
        _quarterly = await RuleFromText("hằng quý, trước ngày 15 của tháng đầu quý sau");
        _annual = await RuleFromText("hằng năm, chậm nhất 16 giờ ngày 18/12");
        await IssuedPlan(2026, "2026-01-05");

        var result = await ReadJson(await Client.GetAsync($"/api/v1/obligations?from=2026-01-01&to=2027-12-31&agencyId={_ict}&pageSize=100"));

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => (Period(i), LastDay(i))), Is.EqualTo(new[]
        {
            ("2026Q1", "2026-04-14"),
            ("2026Q2", "2026-07-14"),
            ("2026Q3", "2026-10-14"),
            ("2026", "2026-12-18"),
            ("2026Q4", "2027-01-14"),
        }));
        var annual = items.Single(i => Period(i) == "2026");
        Assert.That(annual.GetProperty("lastAllowedInstant").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 12, 18, 16, 0, 0, TimeSpan.FromHours(7))));
    }

    [Test]
    public async Task CooperatingAgenciesAreNotObligatedUnlessAskedFor()
    {
        await IssuedPlan(2026, "2026-01-05");

        var leads = await ReadJson(await Client.GetAsync($"/api/v1/obligations?{Year2026}&agencyId={_police}"));
        var allResponse = await Client.GetAsync($"/api/v1/obligations?{Year2026}&pageSize=100&includeCooperating=true");
        var all = await ReadJson(allResponse);
        Assert.That(allResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), all.ToString());

        Assert.That(leads.GetProperty("totalCount").GetInt32(), Is.Zero);
        var police = all.GetProperty("items").EnumerateArray().Where(i => Agency(i) == _police).ToList();
        Assert.That(police, Has.Count.EqualTo(5));
        Assert.That(police.Select(p => p.GetProperty("role").GetString()), Is.All.EqualTo("Cooperating"));
        Assert.That(Strings(police[0], "indexCodes"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public async Task DraftPlansOweNothing()
    {
        var plan = await PlanWithRulesAndLeads(2026, "2026-01-05");

        var result = await ReadJson(await Client.GetAsync($"/api/v1/obligations?{Year2026}&planId={plan}"));

        Assert.That(result.GetProperty("totalCount").GetInt32(), Is.Zero);
        Assert.That(result.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task PeriodsEndingBeforeTheIssueDateAreNotOwedAndPastOnesAreOverdue()
    {
        await IssuedPlan(2023, "2023-08-11");

        var result = await ReadJson(await Client.GetAsync($"/api/v1/agencies/{_ict}/obligations?from=2023-01-01&to=2023-12-31"));

        var items = result.GetProperty("obligations").EnumerateArray().ToList();
        Assert.That(items.Select(Period), Is.EqualTo(new[] { "2023Q3", "2023", "2023Q4" }), "Q1 and Q2 ended before 11/8/2023");
        Assert.That(items.Select(i => i.GetProperty("status").GetString()), Is.All.EqualTo("Overdue"));
    }

    [Test]
    public async Task FutureDeadlinesAreUpcomingAndStatusFilters()
    {
        await IssuedPlan(2040, "2026-01-05");

        var upcoming = await ReadJson(await Client.GetAsync($"/api/v1/obligations?from=2040-01-01&to=2040-12-31&status=Upcoming&agencyId={_home}"));
        var overdue = await ReadJson(await Client.GetAsync($"/api/v1/obligations?from=2040-01-01&to=2040-12-31&status=Overdue"));

        Assert.That(upcoming.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
        Assert.That(upcoming.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()), Is.All.EqualTo("Upcoming"));
        Assert.That(overdue.GetProperty("totalCount").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task ListsArePaged()
    {
        await IssuedPlan(2026, "2026-01-05");

        var page = await ReadJson(await Client.GetAsync($"/api/v1/obligations?{Year2026}&page=2&pageSize=4"));

        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(4));
        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(10));
        Assert.That(page.GetProperty("totalPages").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task AReporterSeesOnlyItsAgencysObligations()
    {
        await IssuedPlan(2026, "2026-01-05");
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _home);

        var list = await ReadJson(await reporter.GetAsync($"/api/v1/obligations?{Year2026}&pageSize=100"));
        var asked = await ReadJson(await reporter.GetAsync($"/api/v1/obligations?{Year2026}&agencyId={_ict}"));
        var own = await reporter.GetAsync($"/api/v1/agencies/{_home}/obligations?{Year2026}");
        var other = await reporter.GetAsync($"/api/v1/agencies/{_ict}/obligations?{Year2026}");
        var otherFeed = await reporter.GetAsync($"/api/v1/agencies/{_ict}/calendar.ics?{Year2026}");

        Assert.That(list.GetProperty("items").EnumerateArray().Select(Agency), Is.All.EqualTo(_home));
        Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
        Assert.That(asked.GetProperty("totalCount").GetInt32(), Is.Zero);
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJson(own)).GetProperty("obligations").GetArrayLength(), Is.EqualTo(5));
        await other.AssertProblem(HttpStatusCode.NotFound);
        await otherFeed.AssertProblem(HttpStatusCode.NotFound);
    }

    [TestCase("from=2026-01-01&to=2031-01-01", "to")]
    [TestCase("from=2026-12-31&to=2026-01-01", "to")]
    public async Task RangesAreCheckedAndLimitedToFiveYears(string range, string field) =>
        await (await Client.GetAsync($"/api/v1/obligations?{range}")).AssertProblem(HttpStatusCode.BadRequest, field);

    [Test]
    public async Task AnUnknownAgencyIs404() =>
        await (await Client.GetAsync($"/api/v1/agencies/{Guid.NewGuid()}/obligations?{Year2026}")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task TheCalendarFeedHasOneEventPerObligation()
    {
        var plan = await IssuedPlan(2026, "2026-01-05");

        var response = await Client.GetAsync($"/api/v1/agencies/{_ict}/calendar.ics?{Year2026}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.That(unfolded.Split("BEGIN:VEVENT").Length - 1, Is.EqualTo(5));
        Assert.That(unfolded, Does.Contain($"UID:{_ict:N}-{plan:N}-{_annual:N}-2026@dti-api\r\n"));
        Assert.That(unfolded, Does.Contain("DTSTART;VALUE=DATE:20261221\r\n"));
        Assert.That(unfolded, Does.Contain("— 2026Q4 — 170/KH-UBND"));
        Assert.That(unfolded, Does.Contain("indices led: 1\\, 2"));
        Assert.That(unfolded, Does.Contain("Last allowed instant: 2026-12-24T23:59:59.9999999+07:00"));
        Assert.That(unfolded, Does.Contain("TRIGGER:-P3D"));
    }

    [Test]
    public async Task TheCalendarFeedAcceptsTheKeyAsAQueryParameter()
    {
        await IssuedPlan(2026, "2026-01-05");
        var key = Uri.EscapeDataString(Coordinator.ApiKey);

        var withKey = await Anonymous.GetAsync($"/api/v1/agencies/{_ict}/calendar.ics?{Year2026}&access_key={key}");
        var withoutKey = await Anonymous.GetAsync($"/api/v1/agencies/{_ict}/calendar.ics?{Year2026}");
        var wrongKey = await Anonymous.GetAsync($"/api/v1/agencies/{_ict}/calendar.ics?{Year2026}&access_key={key[..^2]}xx");
        var byDefault = await Anonymous.GetAsync($"/api/v1/agencies/{_ict}/calendar.ics?access_key={key}");

        Assert.That(withKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withKey.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        Assert.That((await withKey.Content.ReadAsStringAsync()).Split("BEGIN:VEVENT").Length - 1, Is.EqualTo(5));
        Assert.That(withoutKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(wrongKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(byDefault.StatusCode, Is.EqualTo(HttpStatusCode.OK), "default range: a year back to two years ahead");
    }

    [Test]
    public async Task TheQueryParameterKeyIsRefusedEverywhereElse()
    {
        var key = Uri.EscapeDataString(Coordinator.ApiKey);

        var json = await Anonymous.GetAsync($"/api/v1/agencies/{_ict}/obligations?{Year2026}&access_key={key}");
        var list = await Anonymous.GetAsync($"/api/v1/obligations?{Year2026}&access_key={key}");

        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>An issued plan whose lead agencies (Sở TT&amp;TT: indices 1 and 2; Sở Nội vụ: 4, with the police cooperating) report by both rules.</summary>
    private async Task<Guid> IssuedPlan(int year, string issueDate)
    {
        var plan = await PlanWithRulesAndLeads(year, issueDate);
        var issued = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/issue", resource: $"/api/v1/plans/{plan}");
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
        return plan;
    }

    private async Task<Guid> PlanWithRulesAndLeads(int year, string issueDate)
    {
        var plan = (await Client.CreatePlan(new
        {
            kind = "Plan",
            documentNumber = "170/KH-UBND",
            issuerAgencyId = _province,
            issueDate,
            title = "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
            firstAssessmentYear = year,
            lastAssessmentYear = year,
        })).GetProperty("id").GetGuid();
        await Client.CreateAssignment(plan, new { indexCode = "2", leadAgencyId = _ict });
        await Client.CreateAssignment(plan, new { indexCode = "1", leadAgencyId = _ict });
        await Client.CreateAssignment(plan, new { indexCode = "4", leadAgencyId = _home, cooperatingAgencyIds = new[] { _police } });
        var rules = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{plan}/reporting-rules", new { ruleIds = new[] { _quarterly, _annual } });
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        return plan;
    }

    private async Task<Guid> RuleFromText(string text)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text });
        var body = await ReadJson(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    private Task<Guid> RuleId(string name) => InDatabase(db => db.DeadlineRules.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private static Guid Agency(JsonElement item) => item.GetProperty("agency").GetProperty("id").GetGuid();

    private static string Period(JsonElement item) => item.GetProperty("periodId").GetString()!;

    private static string LastDay(JsonElement item) => item.GetProperty("lastAllowedDay").GetString()!;

    private static string[] Strings(JsonElement item, string property) => [.. item.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
