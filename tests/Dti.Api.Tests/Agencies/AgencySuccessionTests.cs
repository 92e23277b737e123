using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Agencies;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Agencies;

/// <summary>Sở TT&amp;TT became Sở KH&amp;CN on 1/3/2025: its open work moves, its history stays.</summary>
public sealed class AgencySuccessionTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _ict;
    private Guid _science;
    private Guid _home;
    private Guid _plan;

    [SetUp]
    public async Task CreateAgenciesAndPlan()
    {
        var province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        _ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        _science = await Client.CreateAgencyId("000.00.35.H50", "Sở KH&CN");
        _home = await Client.CreateAgencyId("000.00.32.H50", "Sở Nội vụ");
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(province))).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task SuccessionClosesTheAgencyAndMovesItsOpenWork()
    {
        var lead = (await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict })).GetProperty("id").GetGuid();
        var cooperating = (await Client.CreateAssignment(_plan, new { indexCode = "4", leadAgencyId = _home, cooperatingAgencyIds = new[] { _ict } })).GetProperty("id").GetGuid();
        var openTask = (await Client.CreateTask(_plan, new { title = "Trung tâm dữ liệu", leadAgencyId = _ict })).GetProperty("id").GetGuid();
        var doneTask = (await Client.CreateTask(_plan, new { title = "Tập huấn", leadAgencyId = _ict })).GetProperty("id").GetGuid();
        await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/tasks/{doneTask}/progress", new { status = "Done", percent = 100 });

        var response = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/agencies/{_ict}/succession", new { successorId = _science, effectiveDate = "2025-03-01", reason = "Merger", note = "Hợp nhất Sở TT&TT vào Sở KH&CN" }, $"/api/v1/agencies/{_ict}");
        var result = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(result.GetProperty("agency").GetProperty("validTo").GetString(), Is.EqualTo("2025-02-28"));
        Assert.That(result.GetProperty("agency").GetProperty("successorId").GetGuid(), Is.EqualTo(_science));
        Assert.That((result.GetProperty("assignmentsMoved").GetInt32(), result.GetProperty("tasksMoved").GetInt32()), Is.EqualTo((2, 1)));
        var leadNow = await ReadJson(await Client.GetAsync($"/api/v1/plans/{_plan}/assignments/{lead}"));
        var cooperatingNow = await ReadJson(await Client.GetAsync($"/api/v1/plans/{_plan}/assignments/{cooperating}"));
        var history = (await ReadJson(await Client.GetAsync($"/api/v1/plans/{_plan}/assignments/{lead}/history"))).GetProperty("items");
        Assert.That(leadNow.GetProperty("leadAgencyId").GetGuid(), Is.EqualTo(_science));
        Assert.That(cooperatingNow.GetProperty("cooperatingAgencyIds").EnumerateArray().Select(c => c.GetGuid()), Is.EqualTo(new[] { _science }));
        Assert.That(history[0].GetProperty("kind").GetString(), Is.EqualTo("Succession"));
        Assert.That(history[0].GetProperty("previousAgencyId").GetGuid(), Is.EqualTo(_ict));
        var tasks = await InDatabase(db => db.PlanTasks.Include(t => t.HolderChanges).ToDictionaryAsync(t => t.Id));
        Assert.That(tasks[openTask].LeadAgencyId, Is.EqualTo(_science));
        Assert.That(tasks[openTask].HolderChanges.Single().PreviousAgencyId, Is.EqualTo(_ict));
        Assert.That(tasks[doneTask].LeadAgencyId, Is.EqualTo(_ict), "finished tasks stay with who did them");
    }

    [Test]
    public async Task TheSuccessorMustBeActiveOnTheEffectiveDate()
    {
        var later = (await Client.CreateAgency("000.00.36.H50", "Sở mới", "Sở mới", validFrom: "2025-07-01")).GetProperty("id").GetGuid();
        await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict });

        var response = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/agencies/{_ict}/succession", new { successorId = later, effectiveDate = "2025-03-01", reason = "Merger" }, $"/api/v1/agencies/{_ict}");

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "successorId", "agency.inactive");
        var stored = await InDatabase(db => db.Agencies.SingleAsync(a => a.Id == _ict));
        Assert.That((stored.ValidTo, stored.SuccessorId, stored.Version), Is.EqualTo(((DateOnly?)null, (Guid?)null, 1)));
        Assert.That(await InDatabase(db => db.IndexAssignments.Select(a => a.LeadAgencyId).SingleAsync()), Is.EqualTo(_ict));
    }

    [Test]
    public async Task AnAgencyHasOneSuccessor()
    {
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/agencies/{_ict}/succession", new { successorId = _science, effectiveDate = "2025-03-01", reason = "Merger" }, $"/api/v1/agencies/{_ict}");

        var again = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/agencies/{_ict}/succession", new { successorId = _home, effectiveDate = "2025-02-01", reason = "Rename" }, $"/api/v1/agencies/{_ict}");

        await again.AssertProblem(HttpStatusCode.Conflict, rule: "agency.already-succeeded");
        Assert.That(await InDatabase(db => db.Agencies.Where(a => a.Id == _ict).Select(a => a.SuccessionReason).SingleAsync()), Is.EqualTo(SuccessionReason.Merger));
    }

    [Test]
    public async Task AnUnknownSuccessorIsRejected() =>
        await (await Client.SendCurrent(HttpMethod.Post, $"/api/v1/agencies/{_ict}/succession", new { successorId = Guid.NewGuid(), effectiveDate = "2025-03-01", reason = "Merger" }, $"/api/v1/agencies/{_ict}"))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "successorId", "agency.unknown");
}
