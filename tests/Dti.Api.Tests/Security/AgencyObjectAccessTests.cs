using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Security;

/// <summary>
/// Object-level authorisation (OWASP API1) on tasks: an agency's reporting system sees and reports on the tasks its
/// agency leads or cooperates on; another agency's task answers exactly as if it did not exist.
/// </summary>
public sealed class AgencyObjectAccessTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _plan;
    private Guid _ict;
    private Guid _health;
    private Guid _ictTask;
    private Guid _healthTask;

    [SetUp]
    public async Task CreateTwoAgenciesWithATaskEach()
    {
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị", "2008-01-01");
        _ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        _health = await Client.CreateAgencyId("000.00.32.H50", "Sở Y tế");
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(province))).GetProperty("id").GetGuid();
        _ictTask = (await Client.CreateTask(_plan, new { title = "Trung tâm tích hợp dữ liệu trên nền tảng đám mây", leadAgencyId = _ict, dueMonth = "2023-11" })).GetProperty("id").GetGuid();
        _healthTask = (await Client.CreateTask(_plan, new { title = "Bệnh án điện tử", leadAgencyId = _health, dueMonth = "2023-12" })).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task AReporterReportsProgressOnItsOwnAgencysTask()
    {
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _ict);

        var response = await reporter.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{_ictTask}/progress", new { status = "InProgress", percent = 40, note = "Đã lắp đặt máy chủ" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AnotherAgencysTaskIsNotFoundForReadingOrReportingAndStaysUnchanged()
    {
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _ict);

        await (await reporter.GetAsync($"/api/v1/plans/{_plan}/tasks/{_healthTask}")).AssertProblem(HttpStatusCode.NotFound);
        await (await reporter.GetAsync($"/api/v1/plans/{_plan}/tasks/{_healthTask}/progress")).AssertProblem(HttpStatusCode.NotFound);
        var write = await reporter.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{_healthTask}/progress", new { status = "Done", percent = 100 });
        var missing = await reporter.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{Guid.NewGuid()}/progress", new { status = "Done", percent = 100 });

        var denied = await write.AssertProblem(HttpStatusCode.NotFound);
        var absent = await missing.AssertProblem(HttpStatusCode.NotFound);
        Assert.That(denied.GetProperty("title").GetString(), Is.EqualTo(absent.GetProperty("title").GetString()), "same answer as a task that does not exist");
        var stored = await InDatabase(db => db.PlanTasks.SingleAsync(t => t.Id == _healthTask));
        Assert.That(stored.ProgressPercent, Is.Zero);
        Assert.That(stored.Version, Is.EqualTo(1), "nothing written");
    }

    [Test]
    public async Task AStaleIfMatchOnAnotherAgencysTaskRevealsNothing()
    {
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _ict);

        var response = await reporter.SendWithIfMatch(HttpMethod.Post, $"/api/v1/plans/{_plan}/tasks/{_healthTask}/progress", new { status = "Done", percent = 100 }, "\"999\"");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task TaskListsShowAReporterOnlyItsAgencysTasks()
    {
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _ict);

        var mine = await ReadJson(await reporter.GetAsync("/api/v1/tasks"));
        var inPlan = await ReadJson(await reporter.GetAsync($"/api/v1/plans/{_plan}/tasks"));
        var all = await ReadJson(await Client.GetAsync("/api/v1/tasks"));

        Assert.That(mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Is.EqualTo(new[] { _ictTask }));
        Assert.That(inPlan.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Is.EqualTo(new[] { _ictTask }));
        Assert.That(all.GetProperty("totalCount").GetInt32(), Is.EqualTo(2), "the coordinator sees every task");
    }

    [Test]
    public async Task ACooperatingAgencyMayReportOnTheTaskItShares()
    {
        var shared = (await Client.CreateTask(_plan, new { title = "Trợ lý ảo thủ tục hành chính", leadAgencyId = _ict, cooperatingAgencyIds = new[] { _health }, dueMonth = "2023-12" })).GetProperty("id").GetGuid();
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _health);

        var response = await reporter.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{shared}/progress", new { status = "InProgress", percent = 10 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AReaderDashboardSeesEveryTaskButCannotReport()
    {
        var reader = await CreateClientAsync(ClientRole.Reader);

        var task = await reader.GetAsync($"/api/v1/plans/{_plan}/tasks/{_healthTask}");
        var write = await reader.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{_healthTask}/progress", new { status = "Done", percent = 100 });

        Assert.That(task.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await write.AssertProblem(HttpStatusCode.Forbidden);
    }
}
