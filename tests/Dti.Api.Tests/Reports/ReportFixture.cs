using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// Plan 170/KH-UBND (Quảng Trị, 11/8/2023, assessment year 2023), issued, reporting by the reference quarterly ("before
/// the 25th of the quarter's last month") and annual ("before 20/12") rules. Sở TT&amp;TT leads index 7 and Công an tỉnh
/// index 5 (the annexes could not be read: illustrative, as in the sample data). Reports go through a second instance of
/// the application on the same database whose clock the test sets, so submissions happen at chosen instants.
/// </summary>
public abstract class ReportFixture(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>Q4/2023: "before 25/12" → Sunday 24/12 → rolled over to Monday 25/12/2023, the last allowed day.</summary>
    protected const string Q4 = "2023Q4";

    private readonly List<HttpClient> _reportClients = [];

    private WebApplicationFactory<Program> _app = null!;

    protected SettableClock Clock { get; } = new(VietnamTime(2023, 12, 20, 10));

    /// <summary>The services of the instance with the set clock (to run its background work in a test).</summary>
    protected IServiceProvider ClockedServices => _app.Services;

    protected Guid Province { get; private set; }

    /// <summary>Sở TT&amp;TT Quảng Trị: leads index 7.</summary>
    protected Guid Ict { get; private set; }

    /// <summary>Công an tỉnh Quảng Trị: leads index 5.</summary>
    protected Guid Police { get; private set; }

    protected Guid Plan { get; private set; }

    protected Guid Quarterly { get; private set; }

    /// <summary>The coordinator, on the instance with the set clock.</summary>
    protected HttpClient Reviewer { get; private set; } = null!;

    /// <summary>A reporter of Sở TT&amp;TT, on the instance with the set clock.</summary>
    protected HttpClient IctReporter { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartClockedInstance() =>
        _app = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));

    [OneTimeTearDown]
    public async Task StopClockedInstance() => await _app.DisposeAsync();

    [SetUp]
    public async Task CreatePlan170WithLeadAgencies()
    {
        Clock.Now = VietnamTime(2023, 12, 20, 10);
        Province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        Ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT Quảng Trị");
        Police = await Client.CreateAgencyId("000.00.33.H50", "Công an tỉnh Quảng Trị");
        Plan = (await Client.CreatePlan(ApiRequests.PlanBody(Province))).GetProperty("id").GetGuid();
        await Client.CreateAssignment(Plan, new { indexCode = "7", leadAgencyId = Ict, cooperatingAgencyIds = new[] { Police } });
        await Client.CreateAssignment(Plan, new { indexCode = "5", leadAgencyId = Police });
        await Client.CreateTask(Plan, new { title = "Trung tâm Tích hợp dữ liệu tỉnh trên điện toán đám mây", leadAgencyId = Ict, dueMonth = "2023-11" });
        Quarterly = await RuleId(ReferenceDeadlineRules.QuangTriQuarterlyName);
        await IssueWithRules(Plan, Quarterly, await RuleId(ReferenceDeadlineRules.QuangTriAnnualName));
        Reviewer = OnClockedInstance(Coordinator.ApiKey);
        IctReporter = await ReporterOf(Ict);
    }

    [TearDown]
    public void DisposeReportClients()
    {
        Reviewer.Dispose();
        IctReporter.Dispose();
        _reportClients.ForEach(c => c.Dispose());
        _reportClients.Clear();
    }

    protected static DateTimeOffset VietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    /// <summary>A client of <paramref name="role"/> for <paramref name="agencies"/>, on the instance with the set clock.</summary>
    protected async Task<HttpClient> ClockedClient(ClientRole role, params Guid[] agencies) =>
        OnClockedInstance((await CreateApiKeyAsync(role, agencies)).ApiKey);

    protected Task<HttpClient> ReporterOf(Guid agency) => ClockedClient(ClientRole.AgencyReporter, agency);

    protected async Task IssueWithRules(Guid plan, params Guid[] rules)
    {
        var set = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{plan}/reporting-rules", new { ruleIds = rules });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        var issued = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/issue", resource: $"/api/v1/plans/{plan}");
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
    }

    protected async Task<Guid> RuleId(string name) =>
        await InDatabase(db => db.DeadlineRules.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    /// <summary>Starts a draft periodic report under <see cref="Plan"/>'s quarterly rule and returns it with its ETag.</summary>
    protected async Task<Step> CreatePeriodic(HttpClient reporter, Guid agency, string period = Q4, Guid? plan = null, Guid? rule = null)
    {
        var response = await reporter.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = agency, planId = plan ?? Plan, deadlineRuleId = rule ?? Quarterly, periodId = period });
        return await Expect(response, HttpStatusCode.Created);
    }

    /// <summary>A content body: one entry per (index code, value, score); sections filled.</summary>
    protected static object Content(params (string Code, decimal Value, decimal? Score)[] entries) => new
    {
        entries = entries.Select(e => new { indexCode = e.Code, numericValue = e.Value, score = e.Score, asOf = "2023-12-14", evidenceIds = Array.Empty<Guid>() }).ToArray(),
        results = "Hoàn thành Trung tâm Tích hợp dữ liệu tỉnh trên nền tảng điện toán đám mây.",
        difficulties = "Nhân lực chuyên trách còn thiếu.",
        proposals = "Bổ sung kinh phí đào tạo.",
    };

    protected static Task<HttpResponseMessage> Act(HttpClient client, Step report, string action, object? body = null) =>
        client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{report.Id}/{action}", body, report.ETag);

    protected static Task<HttpResponseMessage> Put(HttpClient client, Step report, object content) =>
        client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/reports/{report.Id}", content, report.ETag);

    /// <summary>Asserts the status and returns the report as answered, with its new ETag.</summary>
    protected static async Task<Step> Expect(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        var json = JsonDocument.Parse(text).RootElement.Clone();
        return new Step(json.GetProperty("id").GetGuid(), response.Headers.ETag!.ToString(), json);
    }

    /// <summary>Draft → content → Submitted at <paramref name="at"/>.</summary>
    protected async Task<Step> Submitted(HttpClient reporter, Guid agency, object content, DateTimeOffset at, string period = Q4)
    {
        var draft = await CreatePeriodic(reporter, agency, period);
        var filled = await Expect(await Put(reporter, draft, content));
        Clock.Now = at;
        return await Expect(await Act(reporter, filled, "submit"));
    }

    private HttpClient OnClockedInstance(string apiKey)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        _reportClients.Add(client);
        return client;
    }

    /// <summary>A report as one response returned it: its id, its ETag and its JSON.</summary>
    protected sealed record Step(Guid Id, string ETag, JsonElement Json)
    {
        public string State => Json.GetProperty("state").GetString()!;

        public string[] AllowedActions => [.. Json.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!)];
    }
}
