using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Plans;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.PlanTasks;

public sealed class TaskTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _department;
    private Guid _office;
    private Guid _plan;

    [SetUp]
    public async Task CreateCampaign()
    {
        var province = await Client.CreateAgencyId("000.00.00.H60", "UBND tỉnh Bình Thuận");
        _department = await Client.CreateAgencyId("000.00.31.H60", "Sở TT&TT Bình Thuận");
        _office = await Client.CreateAgencyId("000.00.01.H60", "Văn phòng UBND tỉnh");
        _plan = (await Client.CreatePlan(new
        {
            kind = "Campaign",
            documentNumber = "CD-90/UBND",
            issuerAgencyId = province,
            issueDate = "2023-09-20",
            title = "Chiến dịch cao điểm 90 ngày nâng cao chỉ số DTI tỉnh Bình Thuận năm 2023",
            periodStart = "2023-09-20",
            periodEnd = "2023-12-19",
            firstAssessmentYear = 2023,
        })).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task ADueMonthMeansItsLastDay()
    {
        var task = await Client.CreateTask(_plan, new { title = "Trung tâm Tích hợp dữ liệu tỉnh trên điện toán đám mây", leadAgencyId = _department, dueMonth = "2023-11", indexCodes = new[] { "3" } });

        Assert.That(task.GetProperty("dueDate").GetString(), Is.EqualTo("2023-11-30"));
        Assert.That(task.GetProperty("dueMonth").GetString(), Is.EqualTo("2023-11"));
        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("NotStarted"));
        Assert.That(task.GetProperty("overdue").GetBoolean(), Is.True, "November 2023 is in the past and the task is not done");
    }

    [Test]
    public async Task ADueDateAndADueMonthTogetherAreAmbiguous()
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks", new { title = "T", leadAgencyId = _department, dueDate = "2023-11-15", dueMonth = "2023-11" });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "dueMonth", "task.due-ambiguous");
        Assert.That(await InDatabase(db => db.PlanTasks.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task TheLeadCannotAlsoCooperate()
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks", new { title = "T", leadAgencyId = _department, cooperatingAgencyIds = new[] { _office, _department } });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "cooperatingAgencyIds", "task.lead-cooperates");
        Assert.That(await InDatabase(db => db.PlanTasks.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AnIndexOutsideTheGoverningFrameworkIsRejected() =>
        await (await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks", new { title = "T", leadAgencyId = _department, indexCodes = new[] { "3", "42" } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "indexCodes[1]", "task.unknown-index");

    [Test]
    public async Task IndexCodesAreOneRowEachAndComeBackInTheOrderGiven()
    {
        var id = (await Client.CreateTask(_plan, new { title = "Chuyển đổi số trong cơ quan nhà nước", leadAgencyId = _department, indexCodes = new[] { "3", "1" } })).GetProperty("id").GetGuid();
        var uri = $"/api/v1/plans/{_plan}/tasks/{id}";

        var updated = await ReadJson(await Client.SendCurrent(HttpMethod.Put, uri, new { title = "Chuyển đổi số trong cơ quan nhà nước", leadAgencyId = _department, indexCodes = new[] { "1", "4", "3" } }));
        var read = await Client.GetFromJsonAsync<System.Text.Json.JsonElement>(uri);

        Assert.That(updated.GetProperty("indexCodes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "1", "4", "3" }));
        Assert.That(read.GetProperty("indexCodes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "1", "4", "3" }));
        Assert.That(await InDatabase(db => db.PlanTasks.Where(t => t.Indices.Any(i => i.IndexCode == "4")).Select(t => t.Id).ToListAsync()), Is.EqualTo(new[] { id }), "tasks for index 4");
    }

    [Test]
    public async Task AnInactiveAgencyCannotTakeATask()
    {
        var closed = (await Client.CreateAgency("000.00.33.H60", "Phòng đã giải thể", "Phòng cũ", validTo: "2024-12-31")).GetProperty("id").GetGuid();

        await (await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks", new { title = "T", leadAgencyId = closed }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "leadAgencyId", "agency.inactive");
    }

    [Test]
    public async Task ProgressIsAppendedAndTheCurrentStatusFollowsIt()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "Nền tảng trợ lý ảo", leadAgencyId = _office, dueMonth = "2023-12" })).GetProperty("id").GetGuid();
        var url = $"/api/v1/plans/{_plan}/tasks/{taskId}/progress";

        await Client.PostAsJsonAsync(url, new { status = "InProgress", percent = 40, note = "Đang thử nghiệm", asOf = "2023-10-31" });
        var done = await ReadJson(await Client.PostAsJsonAsync(url, new { status = "Done", percent = 100, asOf = "2023-12-15" }));
        var history = (await ReadJson(await Client.GetAsync(url))).GetProperty("items");

        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("Done"));
        Assert.That(done.GetProperty("overdue").GetBoolean(), Is.False, "a done task is never overdue");
        Assert.That(history.EnumerateArray().Select(p => p.GetProperty("percent").GetInt32()), Is.EqualTo(new[] { 40, 100 }));
    }

    [Test]
    public async Task AFinishedTaskTakesNoMoreProgress()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "T", leadAgencyId = _office })).GetProperty("id").GetGuid();
        var url = $"/api/v1/plans/{_plan}/tasks/{taskId}/progress";
        await Client.PostAsJsonAsync(url, new { status = "Cancelled", percent = 0, asOf = "2023-10-01" });

        await (await Client.PostAsJsonAsync(url, new { status = "InProgress", percent = 10, asOf = "2023-10-02" })).AssertProblem(HttpStatusCode.Conflict, rule: "task.finished");
        Assert.That(await InDatabase(db => db.PlanTasks.Select(t => t.Status).SingleAsync()), Is.EqualTo(PlanTaskStatus.Cancelled));
    }

    [Test]
    public async Task DoneMeansOneHundredPercent()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "T", leadAgencyId = _office })).GetProperty("id").GetGuid();

        await (await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{taskId}/progress", new { status = "Done", percent = 90 }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "percent", "task.done-incomplete");
        Assert.That(await InDatabase(db => db.PlanTasks.Select(t => t.ProgressPercent).SingleAsync()), Is.Zero);
    }

    [Test]
    public async Task APercentAboveOneHundredIsInvalid()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "T", leadAgencyId = _office })).GetProperty("id").GetGuid();

        await (await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{taskId}/progress", new { status = "InProgress", percent = 101 }))
            .AssertProblem(HttpStatusCode.BadRequest, "percent");
    }

    [Test]
    public async Task CrossPlanQueriesFindAnAgencysOverdueTasksAsLeadOrCooperating()
    {
        await Client.CreateTask(_plan, new { title = "Quá hạn, chủ trì", leadAgencyId = _department, dueMonth = "2023-11" });
        await Client.CreateTask(_plan, new { title = "Quá hạn, phối hợp", leadAgencyId = _office, cooperatingAgencyIds = new[] { _department }, dueMonth = "2023-10" });
        await Client.CreateTask(_plan, new { title = "Chưa đến hạn", leadAgencyId = _department, dueDate = "2099-12-31" });
        await Client.CreateTask(_plan, new { title = "Người khác", leadAgencyId = _office, dueMonth = "2023-11" });

        var overdue = await ReadJson(await Client.GetAsync($"/api/v1/tasks?agencyId={_department}&overdue=true"));
        var window = await ReadJson(await Client.GetAsync($"/api/v1/tasks?dueFrom=2023-11-01&dueTo=2023-11-30&status=NotStarted"));

        Assert.That(overdue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()), Is.EqualTo(new[] { "Quá hạn, phối hợp", "Quá hạn, chủ trì" }));
        Assert.That(window.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task AStaleIfMatchOnProgressGets412AndAppendsNothing()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "T", leadAgencyId = _office })).GetProperty("id").GetGuid();

        var response = await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/plans/{_plan}/tasks/{taskId}/progress", new { status = "InProgress", percent = 10 }, "\"7\"");

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.That(await InDatabase(db => db.PlanTasks.SelectMany(t => t.Progress).CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ChangingTheLeadKeepsWhoHeldItBefore()
    {
        var task = await Client.CreateTask(_plan, new { title = "Hội nghị truyền hình 4 cấp", leadAgencyId = _department });
        var taskId = task.GetProperty("id").GetGuid();

        var updated = await ReadJson(await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{_plan}/tasks/{taskId}", new { title = "Hội nghị truyền hình 4 cấp", leadAgencyId = _office, reason = "Phân công lại" }));

        Assert.That(updated.GetProperty("leadAgencyId").GetGuid(), Is.EqualTo(_office));
        var change = await InDatabase(db => db.PlanTasks.SelectMany(t => t.HolderChanges).SingleAsync());
        Assert.That((change.PreviousAgencyId, change.NewAgencyId, change.Reason), Is.EqualTo((_department, _office, "Phân công lại")));
    }

    [Test]
    public async Task AStaleIfMatchOnATaskUpdateGets412AndChangesNothing()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "Nền tảng trợ lý ảo", leadAgencyId = _office })).GetProperty("id").GetGuid();
        var url = $"/api/v1/plans/{_plan}/tasks/{taskId}";
        var etag = await Client.ETag(url);
        await Client.PostAsJsonAsync($"{url}/progress", new { status = "InProgress", percent = 20 });

        var stale = await Client.SendWithIfMatch(HttpMethod.Put, url, new { title = "Đổi tên", leadAgencyId = _office }, etag);

        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        Assert.That(await InDatabase(db => db.PlanTasks.Select(t => t.Title).SingleAsync()), Is.EqualTo("Nền tảng trợ lý ảo"));
    }

    [Test]
    public async Task AClosedPlanTakesNoTasks()
    {
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/issue", resource: $"/api/v1/plans/{_plan}");
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/close", resource: $"/api/v1/plans/{_plan}");

        await (await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks", new { title = "T", leadAgencyId = _office })).AssertProblem(HttpStatusCode.Conflict, rule: "plan.not-open");
    }

    [Test]
    public async Task ATaskOfAnotherPlanIsNotFound()
    {
        var taskId = (await Client.CreateTask(_plan, new { title = "T", leadAgencyId = _office })).GetProperty("id").GetGuid();

        await (await Client.GetAsync($"/api/v1/plans/{Guid.NewGuid()}/tasks/{taskId}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
