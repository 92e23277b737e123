using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Plans;

public sealed class PlanReportingRuleTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _plan;
    private Guid _quarterly;
    private Guid _annual;

    [SetUp]
    public async Task CreatePlan170()
    {
        var province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(province))).GetProperty("id").GetGuid();
        _quarterly = await RuleId(ReferenceDeadlineRules.QuangTriQuarterlyName);
        _annual = await RuleId(ReferenceDeadlineRules.QuangTriAnnualName);
    }

    [Test]
    public async Task APlanNamesTheRulesItsAgenciesReportBy()
    {
        var etag = await Client.ETag($"/api/v1/plans/{_plan}");

        var response = await Client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds = new[] { _quarterly, _annual, _quarterly } }, etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.Not.EqualTo(etag), "the plan's version moves on");
        var read = await Client.GetAsync($"/api/v1/plans/{_plan}/reporting-rules");
        var rules = (await ReadJson(read)).GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetGuid());
        Assert.That(rules, Is.EquivalentTo(new[] { _quarterly, _annual }));
        Assert.That(read.Headers.ETag!.ToString(), Is.EqualTo(await Client.ETag($"/api/v1/plans/{_plan}")));
    }

    [Test]
    public async Task AnUnknownRuleIsRejectedAndNothingChanges()
    {
        await Set(_quarterly);

        var response = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds = new[] { _annual, Guid.NewGuid() } });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "ruleIds[1]", "plan.unknown-deadline-rule");
        Assert.That(await StoredRules(), Is.EqualTo(new[] { _quarterly }));
    }

    [Test]
    public async Task AStaleETagChangesNothing()
    {
        var etag = await Client.ETag($"/api/v1/plans/{_plan}");
        await Set(_quarterly);

        var response = await Client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds = new[] { _annual } }, etag);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.That(await StoredRules(), Is.EqualTo(new[] { _quarterly }));
    }

    [Test]
    public async Task AClosedPlanNoLongerChanges()
    {
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/issue", resource: $"/api/v1/plans/{_plan}");
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/close", resource: $"/api/v1/plans/{_plan}");

        var response = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds = new[] { _annual } });

        await response.AssertProblem(HttpStatusCode.Conflict, rule: "plan.not-open");
        Assert.That(await StoredRules(), Is.Empty);
    }

    [Test]
    public async Task AnUnknownPlanIs404() =>
        await (await Client.GetAsync($"/api/v1/plans/{Guid.NewGuid()}/reporting-rules")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task ARuleAPlanReportsByCannotBeDeleted()
    {
        await Set(_annual);

        var response = await Client.SendCurrent(HttpMethod.Delete, $"/api/v1/deadline-rules/{_annual}");

        var problem = await response.AssertProblem(HttpStatusCode.Conflict, rule: "deadline-rule.in-use");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("170/KH-UBND"));
        Assert.That(await InDatabase(db => db.DeadlineRules.AnyAsync(r => r.Id == _annual)), Is.True);
        await Set();
        Assert.That((await Client.SendCurrent(HttpMethod.Delete, $"/api/v1/deadline-rules/{_annual}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "free once no plan names it");
    }

    private async Task Set(params Guid[] ruleIds)
    {
        var response = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private Task<List<Guid>> StoredRules() =>
        InDatabase(db => db.Plans.Where(p => p.Id == _plan).SelectMany(p => p.ReportingRules).Select(r => r.DeadlineRuleId).ToListAsync());

    private Task<Guid> RuleId(string name) => InDatabase(db => db.DeadlineRules.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
}
