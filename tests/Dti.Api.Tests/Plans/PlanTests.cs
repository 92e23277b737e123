using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Domain.Plans;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Plans;

public sealed class PlanTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _province;

    [SetUp]
    public async Task CreateIssuer() =>
        _province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();

    [Test]
    public async Task APlanIsRecordedAsADraftWithItsObjectives()
    {
        var body = new
        {
            kind = "Plan",
            documentNumber = "170/KH-UBND",
            issuerAgencyId = _province,
            issueDate = "2023-08-11",
            title = "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
            firstAssessmentYear = 2023,
            targetRankGroup = "khá",
            indexTargets = new[] { new { mainIndexCode = "7", targetValue = 0.75m, targetPoints = (decimal?)150m } },
            solutionGroups = new[] { new { order = 1, title = "Về nhận thức số", mainIndexCode = "1" }, new { order = 2, title = "Về thể chế số", mainIndexCode = "2" } },
        };

        var plan = await Client.CreatePlan(body);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("Draft"));
        Assert.That(plan.GetProperty("lastAssessmentYear").GetInt32(), Is.EqualTo(2023));
        Assert.That(plan.GetProperty("targetRankGroup").GetString(), Is.EqualTo("khá"));
        Assert.That(plan.GetProperty("indexTargets")[0].GetProperty("targetValue").GetDecimal(), Is.EqualTo(0.75m));
        Assert.That(plan.GetProperty("solutionGroups").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task ADocumentNumberIsUniquePerIssuer()
    {
        await Client.CreatePlan(ApiRequests.PlanBody(_province));
        var other = await Client.CreateAgencyId("000.00.00.H48", "UBND tỉnh Quảng Ngãi");

        var duplicate = await Client.PostAsJsonAsync("/api/v1/plans", ApiRequests.PlanBody(_province));
        await Client.CreatePlan(ApiRequests.PlanBody(other));

        await duplicate.AssertProblem(HttpStatusCode.Conflict, "documentNumber", "plan.duplicate-number");
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.EqualTo(2));
    }

    [Test]
    public async Task ASolutionGroupForAnIndexOutsideTheGoverningFrameworkIsRejected()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/plans", ApiRequests.PlanBody(_province, solutionGroups: [new { order = 1, title = "Không có", mainIndexCode = "10" }]));

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "solutionGroups[0].mainIndexCode", "plan.unknown-index");
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AnIssuerThatDoesNotExistIsRejected() =>
        await (await Client.PostAsJsonAsync("/api/v1/plans", ApiRequests.PlanBody(Guid.NewGuid()))).AssertProblem(HttpStatusCode.UnprocessableEntity, "issuerAgencyId", "plan.unknown-issuer");

    [Test]
    public async Task ACampaignNeedsItsPeriod() =>
        await (await Client.PostAsJsonAsync("/api/v1/plans", ApiRequests.PlanBody(_province, kind: "Campaign"))).AssertProblem(HttpStatusCode.UnprocessableEntity, "periodStart", "plan.campaign-period");

    [TestCase("status=99", "status")]
    [TestCase("kind=7", "kind")]
    public async Task AFilterThatNamesNoMemberIsRejectedNamingIt(string filter, string field)
    {
        var response = await Client.GetAsync($"/api/v1/plans?{filter}");

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, field);
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain("has a range of values which does not include"));
    }

    [Test]
    public async Task ATargetRankOutsideOneToSixtyThreeIsRejected()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/plans", new
        {
            kind = "Plan", documentNumber = "1/KH-UBND", issuerAgencyId = _province, issueDate = "2023-08-11", title = "T", firstAssessmentYear = 2023, targetRank = 64,
        });

        await response.AssertProblem(HttpStatusCode.BadRequest, "targetRank");
    }

    [Test]
    public async Task ATargetScoreAboveOneThousandIsRejected()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/plans", new
        {
            kind = "Plan", documentNumber = "1/KH-UBND", issuerAgencyId = _province, issueDate = "2023-08-11", title = "T", firstAssessmentYear = 2023, targetTotalScore = 1000.5m,
        });

        await response.AssertProblem(HttpStatusCode.BadRequest, "targetTotalScore");
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AnIssuerNotYetActiveOnTheIssueDateIsRejected()
    {
        var later = (await Client.CreateAgency("000.00.00.H44", "Ủy ban nhân dân tỉnh Quảng Trị (mới)", "UBND tỉnh Quảng Trị (mới)", "ProvincialPeoplesCommittee", "2025-07-01")).GetProperty("id").GetGuid();

        await (await Client.PostAsJsonAsync("/api/v1/plans", ApiRequests.PlanBody(later))).AssertProblem(HttpStatusCode.UnprocessableEntity, "issuerAgencyId", "agency.inactive");
    }

    [Test]
    public async Task APlanIsIssuedThenClosed()
    {
        var draft = await Client.CreatePlan(ApiRequests.PlanBody(_province));
        var id = draft.GetProperty("id").GetGuid();

        var issued = await ReadJson(await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{id}/issue", resource: $"/api/v1/plans/{id}"));
        var closed = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{id}/close", resource: $"/api/v1/plans/{id}");

        var closedPlan = await ReadJson(closed);
        Assert.That((issued.GetProperty("status").GetString(), closedPlan.GetProperty("status").GetString()), Is.EqualTo(("Issued", "Closed")));
        Assert.That(closed.Headers.ETag?.Tag, Is.EqualTo("\"3\""));
        Assert.That(new[] { draft, issued, closedPlan }.Select(p => string.Join(",", p.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()))),
            Is.EqualTo(new[] { "Issue", "Close,Supersede", "" }));
    }

    [TestCase("close")]
    public async Task ClosingADraftIsAnIllegalTransition(string action)
    {
        var id = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();

        var response = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{id}/{action}", resource: $"/api/v1/plans/{id}");

        await response.AssertProblem(HttpStatusCode.Conflict, rule: "plan.transition.not-allowed");
        Assert.That(await InDatabase(db => db.Plans.Select(p => p.Status).SingleAsync()), Is.EqualTo(PlanStatus.Draft));
    }

    [Test]
    public async Task IssuingTwiceIsAnIllegalTransition()
    {
        var id = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{id}/issue", resource: $"/api/v1/plans/{id}");

        await (await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{id}/issue", resource: $"/api/v1/plans/{id}")).AssertProblem(HttpStatusCode.Conflict, rule: "plan.transition.not-allowed");
    }

    [Test]
    public async Task AnIssuedPlanIsSupersededByANewerOne()
    {
        var old = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
        var newer = (await Client.CreatePlan(ApiRequests.PlanBody(_province, "200/KH-UBND"))).GetProperty("id").GetGuid();
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{old}/issue", resource: $"/api/v1/plans/{old}");

        var superseded = await ReadJson(await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{old}/supersede", resource: $"/api/v1/plans/{old}", body: new { supersededById = newer }));

        Assert.That(superseded.GetProperty("status").GetString(), Is.EqualTo("Superseded"));
        Assert.That(superseded.GetProperty("supersededById").GetGuid(), Is.EqualTo(newer));
        var update = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{old}", ApiRequests.PlanBody(_province));
        await update.AssertProblem(HttpStatusCode.Conflict, rule: "plan.not-open");
    }

    [Test]
    public async Task SupersedingADraftIsAnIllegalTransition()
    {
        var old = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
        var newer = (await Client.CreatePlan(ApiRequests.PlanBody(_province, "200/KH-UBND"))).GetProperty("id").GetGuid();

        await (await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{old}/supersede", resource: $"/api/v1/plans/{old}", body: new { supersededById = newer })).AssertProblem(HttpStatusCode.Conflict, rule: "plan.transition.not-allowed");
    }

    [Test]
    public async Task APlanDetailsAParentPlanThatMustExist()
    {
        var parent = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
        var child = new
        {
            kind = "Plan", documentNumber = "12/KH-STTTT", issuerAgencyId = _province, issueDate = "2023-09-01", title = "Kế hoạch chi tiết", firstAssessmentYear = 2023, parentPlanId = parent,
        };
        var orphan = new
        {
            kind = "Plan", documentNumber = "13/KH-STTTT", issuerAgencyId = _province, issueDate = "2023-09-01", title = "Kế hoạch chi tiết", firstAssessmentYear = 2023, parentPlanId = Guid.NewGuid(),
        };

        await Client.CreatePlan(child);
        var children = await ReadJson(await Client.GetAsync($"/api/v1/plans?parentPlanId={parent}"));

        Assert.That(children.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
        await (await Client.PostAsJsonAsync("/api/v1/plans", orphan)).AssertProblem(HttpStatusCode.UnprocessableEntity, "parentPlanId", "plan.unknown-parent");
    }

    [Test]
    public async Task TwoClientsUpdatingWithTheSameETagGetOneSuccessAndOne412()
    {
        var id = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
        var etag = await Client.ETag($"/api/v1/plans/{id}");
        var second = await CreateClientAsync(ClientRole.Coordinator);

        var responses = await Task.WhenAll(
            Client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/plans/{id}", ApiRequests.PlanBody(_province, "170/KH-UBND"), etag),
            second.SendWithIfMatch(HttpMethod.Put, $"/api/v1/plans/{id}", ApiRequests.PlanBody(_province, "171/KH-UBND"), etag));

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var stored = await InDatabase(db => db.Plans.SingleAsync());
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.DocumentNumber, Is.EqualTo((await ReadJson(winner)).GetProperty("documentNumber").GetString()));
    }

    [Test]
    public async Task ListsFilterByYearAndStatus()
    {
        var issued = (await Client.CreatePlan(ApiRequests.PlanBody(_province))).GetProperty("id").GetGuid();
        await Client.CreatePlan(ApiRequests.PlanBody(_province, "5/KH-UBND", 2022));
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{issued}/issue", resource: $"/api/v1/plans/{issued}");

        var for2023 = await ReadJson(await Client.GetAsync("/api/v1/plans?year=2023"));
        var drafts = await ReadJson(await Client.GetAsync("/api/v1/plans?status=Draft&sort=documentNumber"));

        Assert.That(for2023.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("documentNumber").GetString()), Is.EqualTo(new[] { "170/KH-UBND" }));
        Assert.That(drafts.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("documentNumber").GetString()), Is.EqualTo(new[] { "5/KH-UBND" }));
    }

    [Test]
    public async Task AnUnknownPlanIsNotFound() =>
        await (await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/plans/{Guid.NewGuid()}/issue", null, "\"1\"")).AssertProblem(HttpStatusCode.NotFound);
}
