using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Security;

/// <summary>
/// Walks every operation <see cref="AccessTable"/> marks agency-scoped as an agency reporter of one agency addressing
/// another agency's objects: the answer must be exactly the one a missing object gets. Lists marked filtered must show
/// the reporter its own agency's objects and never the other's.
/// </summary>
public sealed class AgencyScopeTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Year2026 = "from=2026-01-01&to=2026-12-31";

    /// <summary>One request per agency-scoped operation, addressing the agency, plan and task of <see cref="Target"/>.</summary>
    private static readonly IReadOnlyDictionary<string, Func<Target, HttpRequestMessage>> ScopedRequests = new Dictionary<string, Func<Target, HttpRequestMessage>>(StringComparer.Ordinal)
    {
        ["GetTask"] = t => new(HttpMethod.Get, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}"),
        ["ListTaskProgress"] = t => new(HttpMethod.Get, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}/progress"),
        ["RecordTaskProgress"] = t => new(HttpMethod.Post, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}/progress") { Content = JsonContent.Create(new { status = "InProgress", percent = 10 }) },
        ["UpdateTask"] = t => new(HttpMethod.Put, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}") { Content = JsonContent.Create(new { title = "Đổi tên", leadAgencyId = t.Agency, dueMonth = "2026-11" }) },
        ["ListAgencyObligations"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/obligations?{Year2026}"),
        ["GetAgencyObligationCalendar"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/calendar.ics?{Year2026}"),
        ["ListEvidence"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/evidence"),
        ["GetEvidence"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/evidence/{t.Evidence}"),
        ["GetEvidenceContent"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/evidence/{t.Evidence}/content"),
        ["UploadEvidence"] = t => new(HttpMethod.Post, $"/api/v1/agencies/{t.Agency}/evidence") { Content = EvidenceFiles.Upload(EvidenceFiles.Png(), "Ảnh.png") },
        ["AddEvidenceLink"] = t => new(HttpMethod.Post, $"/api/v1/agencies/{t.Agency}/evidence/links") { Content = JsonContent.Create(new { url = "https://quangtri.gov.vn", description = "Cổng thông tin" }) },
    };

    /// <summary>One request per filtered list; <c>agencyId</c> narrows it to one agency when given.</summary>
    private static readonly IReadOnlyDictionary<string, Func<Guid, Guid?, string>> FilteredRequests = new Dictionary<string, Func<Guid, Guid?, string>>(StringComparer.Ordinal)
    {
        ["ListTasks"] = (_, agency) => $"/api/v1/tasks?pageSize=100{Narrowed(agency)}",
        ["ListPlanTasks"] = (plan, agency) => $"/api/v1/plans/{plan}/tasks?pageSize=100{Narrowed(agency)}",
        ["ListObligations"] = (_, agency) => $"/api/v1/obligations?{Year2026}&pageSize=100{Narrowed(agency)}",
    };

    private Guid _plan;
    private Target _own = null!;
    private Target _other = null!;

    [SetUp]
    public async Task CreateTwoAgenciesWithATaskAndObligationsEach()
    {
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị", "2008-01-01");
        var ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        var health = await Client.CreateAgencyId("000.00.32.H50", "Sở Y tế");
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(province, year: 2026))).GetProperty("id").GetGuid();
        await Client.CreateAssignment(_plan, new { indexCode = "1", leadAgencyId = ict });
        await Client.CreateAssignment(_plan, new { indexCode = "4", leadAgencyId = health });
        var quarterly = await InDatabase(db => db.DeadlineRules.Where(r => r.Name == ReferenceDeadlineRules.QuangTriQuarterlyName).Select(r => r.Id).SingleAsync());
        var rules = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds = new[] { quarterly } });
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        var ictTask = (await Client.CreateTask(_plan, new { title = "Trung tâm tích hợp dữ liệu", leadAgencyId = ict, dueMonth = "2026-11" })).GetProperty("id").GetGuid();
        var healthTask = (await Client.CreateTask(_plan, new { title = "Bệnh án điện tử", leadAgencyId = health, dueMonth = "2026-12" })).GetProperty("id").GetGuid();
        var issued = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/issue", resource: $"/api/v1/plans/{_plan}");
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
        _own = new Target(ict, _plan, ictTask, await EvidenceOf(ict));
        _other = new Target(health, _plan, healthTask, await EvidenceOf(health));
    }

    [Test]
    public async Task AnotherAgencysIdsGetExactlyTheAnswerOfAMissingObject()
    {
        var scoped = AccessTable.Operations.Where(o => o.Value.Scoped is not null).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        Assert.That(scoped.Keys.Except(ScopedRequests.Keys), Is.Empty, "agency-scoped operations in AccessTable.cs that this test does not run; add a request for each");
        Assert.That(ScopedRequests.Keys.Except(scoped.Keys), Is.Empty, "operations this test runs that AccessTable.cs does not mark agency-scoped");
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _own.Agency);
        var missing = new Target(Guid.NewGuid(), _plan, Guid.NewGuid(), Guid.NewGuid());

        foreach (var (operation, access) in scoped)
        {
            var mine = await reporter.SendAsync(ScopedRequests[operation](_own));
            var others = await reporter.SendAsync(ScopedRequests[operation](_other));
            var absent = await reporter.SendAsync(ScopedRequests[operation](missing));

            // A role the policy does not admit is refused before the scope: the same 403 whoever owns the object.
            var admitted = access.Roles.Contains(ClientRole.AgencyReporter);
            var expected = admitted ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            Assert.That(admitted ? mine.IsSuccessStatusCode : mine.StatusCode == HttpStatusCode.Forbidden, Is.True,
                $"{operation} on the reporter's own agency: {(int)mine.StatusCode} {await mine.Content.ReadAsStringAsync()}");
            await others.AssertProblem(expected);
            await absent.AssertProblem(expected);
            Assert.That(await Normalised(others, _other), Is.EqualTo(await Normalised(absent, missing)), $"{operation}: another agency's object must answer like a missing one");
        }

        var untouched = await InDatabase(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == _other.Task));
        Assert.That((untouched.Version, untouched.ProgressPercent, untouched.Title), Is.EqualTo((1, 0, "Bệnh án điện tử")), "nothing of the other agency's was written");
        Assert.That(await InDatabase(db => db.Evidence.CountAsync(e => e.AgencyId == _other.Agency)), Is.EqualTo(1), "no evidence added to the other agency");
    }

    [Test]
    public async Task ListsShowAReporterOnlyItsAgencysObjects()
    {
        var filtered = AccessTable.Operations.Where(o => o.Value.Filtered is not null).Select(o => o.Key).ToList();
        Assert.That(filtered, Is.EquivalentTo(FilteredRequests.Keys), "filtered operations in AccessTable.cs and the lists this test runs differ");
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _own.Agency);

        foreach (var operation in filtered)
        {
            var everything = await Client.GetStringAsync(FilteredRequests[operation](_plan, null));
            var mine = await Ok(await reporter.GetAsync(FilteredRequests[operation](_plan, null)));
            var asked = await Ok(await reporter.GetAsync(FilteredRequests[operation](_plan, _other.Agency)));

            Assert.That(everything, Does.Contain(_own.Agency.ToString()).And.Contain(_other.Agency.ToString()), $"{operation}: the coordinator sees both agencies");
            Assert.That(mine, Does.Contain(_own.Agency.ToString()).And.Not.Contain(_other.Agency.ToString()), $"{operation}: the reporter's list");
            Assert.That(asked, Does.Not.Contain(_other.Agency.ToString()), $"{operation}: asking for the other agency shows none of it");
        }
    }

    [Test]
    public async Task TheAuditRecordsTheAgencyTheRequestDeclares()
    {
        // Acting for two agencies, the client has no "only agency": the task's lead decides which one it wrote for.
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _own.Agency, Guid.NewGuid());

        await Ok(await reporter.SendAsync(ScopedRequests["RecordTaskProgress"](_own)));

        var page = await ReadJson(await Client.GetAsync($"/api/v1/audit?entityType=PlanTask&entityId={_own.Task}&pageSize=1"));
        Assert.That(page.GetProperty("items")[0].GetProperty("agencyId").GetGuid(), Is.EqualTo(_own.Agency));
    }

    private static string Narrowed(Guid? agency) => agency is null ? string.Empty : $"&agencyId={agency}";

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    /// <summary>The problem without its trace id and with the addressed ids replaced, so two answers can be compared.</summary>
    private static async Task<string> Normalised(HttpResponseMessage response, Target target)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return $"{response.Content.Headers.ContentType} {problem.ToJsonString(new JsonSerializerOptions())}"
            .Replace(target.Agency.ToString(), "{agency}", StringComparison.Ordinal)
            .Replace(target.Task.ToString(), "{task}", StringComparison.Ordinal)
            .Replace(target.Evidence.ToString(), "{evidence}", StringComparison.Ordinal);
    }

    private async Task<Guid> EvidenceOf(Guid agency)
    {
        var response = await Client.PostAsync($"/api/v1/agencies/{agency}/evidence", EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo.pdf"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ReadJson(response)).GetProperty("id").GetGuid();
    }

    /// <summary>The ids one request addresses: an agency, a plan's task, and a piece of the agency's evidence.</summary>
    private sealed record Target(Guid Agency, Guid Plan, Guid Task, Guid Evidence);
}
