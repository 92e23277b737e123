using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// A lead asks its cooperating agency for its part (Plan 170: cooperating agencies report when the lead asks), the
/// agency answers with a contribution, and the lead takes the value into its own report with provenance. Readers keep
/// seeing the accepted version while a report is corrected.
/// </summary>
public sealed class ContributionTests(DatabaseProvider provider) : ReportFixture(provider)
{
    [Test]
    public async Task AContributionFlowsIntoTheLeadsReportWithItsProvenance()
    {
        // Wednesday 20/12/2023: three working days later is Monday 25/12.
        var request = await Body(await IctReporter.PostAsJsonAsync($"/api/v1/agencies/{Ict}/contribution-requests", Asking(Police, "7")), HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetGuid();
        Assert.That((request.GetProperty("kind").GetString(), request.GetProperty("dueDate").GetString()), Is.EqualTo(("Contribution", "2023-12-25")));
        Assert.That(request.GetProperty("answers")[0].GetProperty("reportId").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var police = await ReporterOf(Police);
        var draft = await Expect(await police.PostAsJsonAsync("/api/v1/reports", new { kind = "Contribution", agencyId = Police, reportRequestId = requestId }), HttpStatusCode.Created);
        Assert.That(draft.Json.GetProperty("reviewingAgencyId").GetGuid(), Is.EqualTo(Ict));
        var filled = await Expect(await Put(police, draft, Content(("7", 0.45m, null))));
        Clock.Now = VietnamTime(2023, 12, 22, 9);
        var contribution = await Expect(await Act(police, filled, "submit"));

        // The lead reads it and sees its values, but cannot write it.
        var offered = await Body(await IctReporter.GetAsync($"/api/v1/agencies/{Ict}/contributions?assessmentYear=2023&indexCode=7"));
        var item = offered.GetProperty("items")[0];
        Assert.That((item.GetProperty("reportId").GetGuid(), item.GetProperty("versionNumber").GetInt32(), item.GetProperty("entries")[0].GetProperty("numericValue").GetDecimal()),
            Is.EqualTo((contribution.Id, 1, 0.45m)));
        Assert.That((await IctReporter.GetAsync($"/api/v1/reports/{contribution.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await Put(IctReporter, contribution, Content(("7", 0.9m, null)))).AssertProblem(HttpStatusCode.NotFound);

        // The lead's own report cites it; a version that does not exist is refused naming the source.
        var own = await CreatePeriodic(IctReporter, Ict);
        var wrong = await Put(IctReporter, own, Cited(contribution.Id, 2));
        var problem = await wrong.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errors").TryGetProperty("entries[0].sources[0]", out _), Is.True, problem.ToString());
        var cited = await Expect(await Put(IctReporter, own, Cited(contribution.Id, 1)));
        var source = cited.Json.GetProperty("entries")[0].GetProperty("sources")[0];
        Assert.That((source.GetProperty("reportId").GetGuid(), source.GetProperty("version").GetInt32(), source.GetProperty("agencyId").GetGuid()), Is.EqualTo((contribution.Id, 1, Police)));

        // The frozen version keeps the provenance.
        var submitted = await Expect(await Act(IctReporter, cited, "submit"));
        var version = await Body(await IctReporter.GetAsync($"/api/v1/reports/{submitted.Id}/versions/1"));
        Assert.That(version.GetProperty("content").GetProperty("entries")[0].GetProperty("sources")[0].GetProperty("reportId").GetGuid(), Is.EqualTo(contribution.Id));

        // The request shows the answer; an agency neither issuing nor asked gets the 404 of a missing request.
        var answered = await Body(await IctReporter.GetAsync($"/api/v1/report-requests/{requestId}"));
        var answer = answered.GetProperty("answers")[0];
        Assert.That((answer.GetProperty("agencyId").GetGuid(), answer.GetProperty("state").GetString(), answer.GetProperty("timeliness").GetString()), Is.EqualTo((Police, "Submitted", "OnTime")));
        await (await (await ReporterOf(Province)).GetAsync($"/api/v1/report-requests/{requestId}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ALeadAsksOnlyForTheIndicesItLeadsOfTheAgenciesCooperatingOnThem()
    {
        var notLed = await IctReporter.PostAsJsonAsync($"/api/v1/agencies/{Ict}/contribution-requests", Asking(Police, "5"));
        var problem = await notLed.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errors").TryGetProperty("askedIndexCodes[0]", out _), Is.True, problem.ToString());

        var notCooperating = await IctReporter.PostAsJsonAsync($"/api/v1/agencies/{Ict}/contribution-requests", Asking(Province, "7"));
        problem = await notCooperating.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errors").TryGetProperty("askedAgencyIds[0]", out _), Is.True, problem.ToString());

        // Ad hoc requests are the coordinator's.
        var adHoc = new { issuerAgencyId = Ict, topic = "Báo cáo đột xuất", assessmentYear = 2023, dueDate = "2023-12-28", askedAgencyIds = new[] { Police }, askedIndexCodes = new[] { "5" } };
        Assert.That((await IctReporter.PostAsJsonAsync("/api/v1/report-requests", adHoc)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var issued = await Body(await Reviewer.PostAsJsonAsync("/api/v1/report-requests", adHoc), HttpStatusCode.Created);
        Assert.That(issued.GetProperty("kind").GetString(), Is.EqualTo("AdHoc"));
    }

    [Test]
    public async Task ReadersKeepSeeingTheAcceptedVersionWhileTheReportIsCorrected()
    {
        var submitted = await Submitted(IctReporter, Ict, Content(("7", 0.5m, 100m)), VietnamTime(2023, 12, 21, 9));
        var accepted = await Expect(await Act(Reviewer, submitted, "accept"));
        var revising = await Expect(await Act(IctReporter, accepted, "revise"));
        await Expect(await Put(IctReporter, revising, Content(("7", 0.6m, 120m))));

        var reader = await ClockedClient(ClientRole.Reader);
        var seen = await Body(await reader.GetAsync($"/api/v1/reports/{submitted.Id}"));
        Assert.That(
            (seen.GetProperty("state").GetString(), seen.GetProperty("revision").GetInt32(), seen.GetProperty("entries")[0].GetProperty("numericValue").GetDecimal()),
            Is.EqualTo(("Accepted", 1, 0.5m)));
        var listed = await Body(await reader.GetAsync("/api/v1/reports?periodId=2023Q4"));
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()), Does.Contain(submitted.Id));

        var author = await Body(await IctReporter.GetAsync($"/api/v1/reports/{submitted.Id}"));
        Assert.That((author.GetProperty("state").GetString(), author.GetProperty("entries")[0].GetProperty("numericValue").GetDecimal()), Is.EqualTo(("Draft", 0.6m)));
    }

    private static object Asking(Guid agency, string index) =>
        new { topic = "Số liệu phối hợp chỉ số Chính quyền số quý IV/2023", assessmentYear = 2023, dueWorkingDays = 3, askedAgencyIds = new[] { agency }, askedIndexCodes = new[] { index } };

    private static object Cited(Guid contribution, int version) => new
    {
        entries = new[] { new { indexCode = "7", numericValue = 0.45m, sources = new[] { new { reportId = contribution, version } } } },
        results = "Tổng hợp số liệu của Công an tỉnh.",
    };

    private static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
