using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Assignments;

public sealed class AssignmentTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _province;
    private Guid _ict;
    private Guid _home;
    private Guid _police;
    private Guid _plan;

    [SetUp]
    public async Task CreatePlan170()
    {
        _province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        _ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        _home = await Client.CreateAgencyId("000.00.32.H50", "Sở Nội vụ");
        _police = await Client.CreateAgencyId("000.00.33.H50", "Công an tỉnh");
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task AnIndexIsAssignedToOneLeadAndItsCooperators()
    {
        var assignment = await Client.CreateAssignment(_plan, new
        {
            indexCode = "4", leadAgencyId = _home, cooperatingAgencyIds = new[] { _ict }, responsiblePersonName = "Nguyễn Văn A", responsiblePersonTitle = "Phó Giám đốc", targetPoints = 70m,
        });

        Assert.That(assignment.GetProperty("leadAgencyId").GetGuid(), Is.EqualTo(_home));
        Assert.That(assignment.GetProperty("cooperatingAgencyIds").EnumerateArray().Select(c => c.GetGuid()), Is.EqualTo(new[] { _ict }));
        Assert.That(assignment.GetProperty("targetPoints").GetDecimal(), Is.EqualTo(70m));
    }

    [Test]
    public async Task AnIndexOutsideTheGoverningFrameworkIsRejected()
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/assignments", new { indexCode = "7.99", leadAgencyId = _ict });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "indexCode", "assignment.unknown-index");
        Assert.That(await InDatabase(db => db.IndexAssignments.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ASecondLeadForTheSameIndexConflicts()
    {
        await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict });

        var response = await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/assignments", new { indexCode = "7", leadAgencyId = _home });

        await response.AssertProblem(HttpStatusCode.Conflict, "indexCode", "assignment.duplicate-lead");
        Assert.That(await InDatabase(db => db.IndexAssignments.Select(a => a.LeadAgencyId).ToListAsync()), Is.EqualTo(new[] { _ict }));
    }

    [Test]
    public async Task TheLeadCannotAlsoCooperate() =>
        await (await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/assignments", new { indexCode = "7", leadAgencyId = _ict, cooperatingAgencyIds = new[] { _ict } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "cooperatingAgencyIds", "assignment.lead-cooperates");

    [Test]
    public async Task TargetPointsCannotExceedTheIndexPoints()
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/assignments", new { indexCode = "7", leadAgencyId = _ict, targetPoints = 200.5m });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "targetPoints", "assignment.points-exceed-max");
        Assert.That(await InDatabase(db => db.IndexAssignments.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AnInactiveAgencyCannotBeAssigned()
    {
        var closed = (await Client.CreateAgency("000.00.34.H50", "Sở cũ", "Sở cũ", validTo: "2025-02-28")).GetProperty("id").GetGuid();

        var response = await Client.PostAsJsonAsync($"/api/v1/plans/{_plan}/assignments", new { indexCode = "7", leadAgencyId = _ict, cooperatingAgencyIds = new[] { closed } });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "cooperatingAgencyIds[0]", "agency.inactive");
        Assert.That(await InDatabase(db => db.IndexAssignments.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ReassignmentKeepsWhoWhenAndWhy()
    {
        var id = (await Client.CreateAssignment(_plan, new { indexCode = "5", leadAgencyId = _ict, cooperatingAgencyIds = new[] { _home } })).GetProperty("id").GetGuid();

        var reassigned = await ReadJson(await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/assignments/{id}/reassign", new { leadAgencyId = _police, cooperatingAgencyIds = new[] { _ict }, reason = "Công an tỉnh chủ trì an toàn thông tin" }, $"/api/v1/plans/{_plan}/assignments/{id}"));
        var history = (await ReadJson(await Client.GetAsync($"/api/v1/plans/{_plan}/assignments/{id}/history"))).GetProperty("items");

        Assert.That(reassigned.GetProperty("leadAgencyId").GetGuid(), Is.EqualTo(_police));
        var rows = history.EnumerateArray().Select(h => (
            h.GetProperty("role").GetString(),
            h.GetProperty("previousAgencyId").ValueKind == System.Text.Json.JsonValueKind.Null ? (Guid?)null : h.GetProperty("previousAgencyId").GetGuid(),
            h.GetProperty("newAgencyId").ValueKind == System.Text.Json.JsonValueKind.Null ? (Guid?)null : h.GetProperty("newAgencyId").GetGuid())).ToList();
        Assert.That(rows, Is.EquivalentTo(new (string?, Guid?, Guid?)[] { ("Lead", _ict, _police), ("Cooperating", _home, null), ("Cooperating", null, _ict) }));
        Assert.That(history.EnumerateArray().Select(h => h.GetProperty("reason").GetString()).Distinct(), Is.EqualTo(new[] { "Công an tỉnh chủ trì an toàn thông tin" }));
    }

    [Test]
    public async Task AStaleReassignmentGets412AndChangesNothing()
    {
        var id = (await Client.CreateAssignment(_plan, new { indexCode = "5", leadAgencyId = _ict })).GetProperty("id").GetGuid();
        var etag = await Client.ETag($"/api/v1/plans/{_plan}/assignments/{id}");
        await Client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/plans/{_plan}/assignments/{id}", new { targetPoints = 80m }, etag);

        var stale = await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/plans/{_plan}/assignments/{id}/reassign", new { leadAgencyId = _police, reason = "x" }, etag);

        await stale.AssertProblem(HttpStatusCode.PreconditionFailed);
        var stored = await InDatabase(db => db.IndexAssignments.Include(a => a.History).SingleAsync());
        Assert.That((stored.LeadAgencyId, stored.History.Count, stored.TargetPoints), Is.EqualTo((_ict, 0, (decimal?)80m)));
    }

    [Test]
    public async Task WhoAnswersForAnIndexInAYear()
    {
        await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict });
        await Client.CreateAssignment(_plan, new { indexCode = "4", leadAgencyId = _home });

        var rows = (await ReadJson(await Client.GetAsync("/api/v1/assessment-years/2023/indices/7/assignments"))).GetProperty("items");
        var none = (await ReadJson(await Client.GetAsync("/api/v1/assessment-years/2022/indices/7/assignments"))).GetProperty("items");

        Assert.That(rows.EnumerateArray().Select(r => r.GetProperty("assignment").GetProperty("leadAgencyId").GetGuid()), Is.EqualTo(new[] { _ict }));
        Assert.That(rows[0].GetProperty("planDocumentNumber").GetString(), Is.EqualTo("170/KH-UBND"));
        Assert.That(none.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task EverythingAnAgencyAnswersForShowsItsRole()
    {
        await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict });
        await Client.CreateAssignment(_plan, new { indexCode = "4", leadAgencyId = _home, cooperatingAgencyIds = new[] { _ict } });

        var rows = (await ReadJson(await Client.GetAsync($"/api/v1/agencies/{_ict}/assignments?year=2023"))).GetProperty("items");

        Assert.That(rows.EnumerateArray().Select(r => (r.GetProperty("assignment").GetProperty("indexCode").GetString(), r.GetProperty("role").GetString())),
            Is.EquivalentTo(new[] { ("7", "Lead"), ("4", "Cooperating") }));
    }

    [Test]
    public async Task CoverageListsScoredMainIndicesWithoutALead()
    {
        await Client.CreateAssignment(_plan, new { indexCode = "1", leadAgencyId = _ict });
        await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict });

        var coverage = await ReadJson(await Client.GetAsync("/api/v1/assessment-years/2023/coverage"));

        Assert.That(coverage.GetProperty("frameworkCode").GetString(), Is.EqualTo("QD-922-2022"));
        Assert.That(coverage.GetProperty("uncovered").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "2", "3", "4", "5", "8", "9" }), "6 (smart city) is not scored");
    }

    [Test]
    public async Task ClosedPlansDoNotCover()
    {
        await Client.CreateAssignment(_plan, new { indexCode = "1", leadAgencyId = _ict });
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/issue", resource: $"/api/v1/plans/{_plan}");
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/close", resource: $"/api/v1/plans/{_plan}");

        var coverage = await ReadJson(await Client.GetAsync("/api/v1/assessment-years/2023/coverage"));

        Assert.That(coverage.GetProperty("uncovered").GetArrayLength(), Is.EqualTo(8));
    }

    [Test]
    public async Task ListsArePagedAndFilterByAgency()
    {
        await Client.CreateAssignment(_plan, new { indexCode = "7", leadAgencyId = _ict });
        await Client.CreateAssignment(_plan, new { indexCode = "4", leadAgencyId = _home, cooperatingAgencyIds = new[] { _ict } });
        await Client.CreateAssignment(_plan, new { indexCode = "5", leadAgencyId = _police });

        var page = await ReadJson(await Client.GetAsync($"/api/v1/plans/{_plan}/assignments?agencyId={_ict}&pageSize=1&sort=-indexCode"));

        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
        Assert.That(page.GetProperty("items")[0].GetProperty("indexCode").GetString(), Is.EqualTo("7"));
    }

    [Test]
    public async Task AnAssignmentOfAnUnknownPlanIsNotFound() =>
        await (await Client.PostAsJsonAsync($"/api/v1/plans/{Guid.NewGuid()}/assignments", new { indexCode = "7", leadAgencyId = _ict })).AssertProblem(HttpStatusCode.NotFound);
}
