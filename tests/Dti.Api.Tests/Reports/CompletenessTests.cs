using System.Net;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// Completeness for Plan 170/KH-UBND in 2023, from reports made through HTTP: Sở TT&amp;TT (index 7) reports, Công an tỉnh
/// (index 5) does not, and the answer names Công an tỉnh as the one to chase — for its report and for its index.
/// </summary>
public sealed class CompletenessTests(DatabaseProvider provider) : ReportFixture(provider)
{
    private const string Completeness = "/api/v1/reports/completeness";

    [Test]
    public async Task OfTwoLeadAgenciesTheOneThatDidNotSubmitIsNamedForItsReportAndItsIndex()
    {
        await Submitted(IctReporter, Ict, Content(("7", 152.5m, 150m)), VietnamTime(2023, 12, 22, 9));

        var quarter = await Read(Reviewer, $"{Completeness}?assessmentYear=2023&periodId={Q4}");

        Assert.Multiple(() =>
        {
            Assert.That(Totals(quarter, "obligations"), Is.EqualTo((2, 1, 1, 50.0m)));
            Assert.That(Totals(quarter, "indices"), Is.EqualTo((2, 1, 1, 50.0m)));
            Assert.That(quarter.GetProperty("frameworkCode").GetString(), Is.EqualTo("QD-922-2022"));
            Assert.That(quarter.GetProperty("agencyCount").GetInt32(), Is.EqualTo(2));
        });
        var police = quarter.GetProperty("agencies")[0];
        var ict = quarter.GetProperty("agencies")[1];
        Assert.Multiple(() =>
        {
            Assert.That(police.GetProperty("agency").GetProperty("id").GetGuid(), Is.EqualTo(Police), "the most outstanding agency comes first");
            Assert.That(Totals(police, "obligations"), Is.EqualTo((1, 0, 1, 0m)));
            Assert.That(police.GetProperty("outstanding").EnumerateArray().Select(o => (o.GetProperty("periodId").GetString(), o.GetProperty("reportStatus").GetString())), Is.EqualTo(new[] { (Q4, "NotStarted") }));
            Assert.That(Codes(police.GetProperty("unansweredIndexCodes")), Is.EqualTo(new[] { "5" }));
            Assert.That(ict.GetProperty("agency").GetProperty("id").GetGuid(), Is.EqualTo(Ict));
            Assert.That(Totals(ict, "obligations"), Is.EqualTo((1, 1, 0, 100m)));
            Assert.That(ict.GetProperty("outstanding").GetArrayLength(), Is.Zero);
            Assert.That(Totals(ict, "indices"), Is.EqualTo((1, 1, 0, 100m)));
            Assert.That(Leads(quarter), Is.EqualTo(new[] { ("5", Police, false), ("7", Ict, true) }), "each index with its lead to chase");
        });

        // The year: Q3 and Q4 (the plan was issued in August) and the annual report, for each of the two leads.
        var year = await Read(Reviewer, $"{Completeness}?assessmentYear=2023");
        Assert.Multiple(() =>
        {
            Assert.That(Totals(year, "obligations"), Is.EqualTo((6, 1, 5, 16.7m)));
            Assert.That(Totals(year, "indices"), Is.EqualTo((2, 1, 1, 50.0m)), "Sở TT&TT's Q4 value answers index 7 for the year");
            Assert.That(year.GetProperty("agencies")[1].GetProperty("outstanding").EnumerateArray().Select(o => (o.GetProperty("periodId").GetString(), o.GetProperty("reportStatus").GetString())),
                Is.EqualTo(new[] { ("2023Q3", "Missing"), ("2023", "Missing") }), "by last allowed instant: Q3 and the annual report (due 19/12) are overdue");
        });
    }

    [Test]
    public async Task OnlySubmittedAndAcceptedReportsCountAndAnAcceptedReportBeingCorrectedStillStands()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        draft = await Expect(await Put(IctReporter, draft, Content(("7", 152.5m, 150m))));
        var scope = $"{Completeness}?assessmentYear=2023&periodId={Q4}";
        Assert.That(Answered(await Read(Reviewer, scope), Ict), Is.False, "a draft gives no value yet");
        Assert.That(Outstanding(await Read(Reviewer, scope), Ict), Is.EqualTo(new[] { "Draft" }));

        var submitted = await Expect(await Act(IctReporter, draft, "submit"));
        var returned = await Expect(await Act(Reviewer, submitted, "return", new { reason = "Bổ sung số liệu" }));
        Assert.That(Answered(await Read(Reviewer, scope), Ict), Is.False, "a returned report gives no value");
        Assert.That(Outstanding(await Read(Reviewer, scope), Ict), Is.EqualTo(new[] { "Returned" }));

        var reopened = await Expect(await Act(IctReporter, returned, "reopen"));
        var accepted = await Expect(await Act(Reviewer, await Expect(await Act(IctReporter, reopened, "submit")), "accept"));
        var revising = await Expect(await Act(IctReporter, accepted, "revise"));
        await Expect(await Put(IctReporter, revising, Content()));

        var during = await Read(Reviewer, scope);
        Assert.Multiple(() =>
        {
            Assert.That(Answered(during, Ict), Is.True, "the accepted version stands while its correction (now without entries) is a draft");
            Assert.That(Outstanding(during, Ict), Is.Empty);
        });
    }

    [Test]
    public async Task AReporterSeesOnlyItsAgenciesAndReadersSeeAllButTheMinistryIsRefused()
    {
        await Submitted(IctReporter, Ict, Content(("7", 152.5m, 150m)), VietnamTime(2023, 12, 22, 9));
        using var policeReporter = await ReporterOf(Police);
        using var reader = await ClockedClient(ClientRole.Reader);
        using var ministry = await ClockedClient(ClientRole.Ministry);

        var own = await Read(policeReporter, $"{Completeness}?assessmentYear=2023&periodId={Q4}");
        var all = await Read(reader, $"{Completeness}?assessmentYear=2023&periodId={Q4}");
        var refused = (await ministry.GetAsync($"{Completeness}?assessmentYear=2023")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(own.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetProperty("id").GetGuid()), Is.EqualTo(new[] { Police }));
            Assert.That(Totals(own, "obligations"), Is.EqualTo((1, 0, 1, 0m)));
            Assert.That(Leads(own), Is.EqualTo(new[] { ("5", Police, false) }));
            Assert.That(Totals(all, "obligations"), Is.EqualTo((2, 1, 1, 50.0m)));
            Assert.That(refused, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task AYearIsRequiredAPeriodMustBeOfItAndTheYearMustHaveAFramework()
    {
        await (await Reviewer.GetAsync(Completeness)).AssertProblem(HttpStatusCode.BadRequest, "assessmentYear");
        await (await Reviewer.GetAsync($"{Completeness}?assessmentYear=2023&periodId=2024Q1")).AssertProblem(HttpStatusCode.BadRequest, "periodId");
        await (await Reviewer.GetAsync($"{Completeness}?assessmentYear=2023&periodId=2023-Q4")).AssertProblem(HttpStatusCode.BadRequest, "periodId");
        await (await Reviewer.GetAsync($"{Completeness}?assessmentYear=2019")).AssertProblem(HttpStatusCode.UnprocessableEntity, "assessmentYear", "plan.no-framework");

        var otherPlan = await Read(Reviewer, $"{Completeness}?assessmentYear=2023&planId={Guid.NewGuid()}");
        Assert.Multiple(() =>
        {
            Assert.That(Totals(otherPlan, "obligations"), Is.EqualTo((0, 0, 0, (decimal?)null)), "nothing owed under a plan that does not exist: no share either");
            Assert.That(otherPlan.GetProperty("agencies").GetArrayLength(), Is.Zero);
        });
    }

    private static async Task<JsonElement> Read(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static (int Expected, int Complete, int Outstanding, decimal? Percent) Totals(JsonElement json, string name)
    {
        var totals = json.GetProperty(name);
        var percent = totals.GetProperty("percent");
        return (totals.GetProperty("expected").GetInt32(), totals.GetProperty("complete").GetInt32(), totals.GetProperty("outstanding").GetInt32(),
            percent.ValueKind == JsonValueKind.Null ? null : percent.GetDecimal());
    }

    private static string[] Codes(JsonElement list) => [.. list.EnumerateArray().Select(c => c.GetString()!)];

    private static (string, Guid, bool)[] Leads(JsonElement json) =>
        [.. json.GetProperty("indexLeads").EnumerateArray().SelectMany(i => i.GetProperty("leads").EnumerateArray(),
            (i, l) => (i.GetProperty("indexCode").GetString()!, l.GetProperty("agency").GetProperty("id").GetGuid(), l.GetProperty("answered").GetBoolean()))];

    private static bool Answered(JsonElement json, Guid agency) =>
        Leads(json).Single(l => l.Item2 == agency).Item3;

    private static string[] Outstanding(JsonElement json, Guid agency) =>
        [.. json.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetProperty("id").GetGuid() == agency)
            .GetProperty("outstanding").EnumerateArray().Select(o => o.GetProperty("reportStatus").GetString()!)];
}
