using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.SampleData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.SampleData;

public sealed class SampleDataTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [SetUp]
    public async Task LoadSampleData()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleDataLoader>().LoadAsync(CancellationToken.None);
    }

    [Test]
    public async Task QuangTriPlan170HasOneSolutionGroupPerScoredMainIndex()
    {
        var list = await ReadJson(await Client.GetAsync("/api/v1/plans?sort=issueDate"));
        var summary = list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("documentNumber").GetString() == "170/KH-UBND");

        var plan = await ReadJson(await Client.GetAsync($"/api/v1/plans/{summary.GetProperty("id").GetGuid()}"));

        Assert.That(plan.GetProperty("issueDate").GetString(), Is.EqualTo("2023-08-11"));
        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("Issued"));
        Assert.That(plan.GetProperty("targetRankGroup").GetString(), Is.EqualTo("khá"));
        Assert.That(plan.GetProperty("isSample").GetBoolean(), Is.False);
        Assert.That(plan.GetProperty("solutionGroups").EnumerateArray().Select(g => g.GetProperty("mainIndexCode").GetString()), Is.EqualTo(new[] { "1", "2", "3", "4", "5", "7", "8", "9" }));
        Assert.That(list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("documentNumber").GetString()),
            Is.EqualTo(new[] { "19-CT/TU", "170/KH-UBND", "CD90-DTI-2023 (minh họa)", "2351/UBND-KSTT" }));
    }

    [Test]
    public async Task TheBinhThuanCampaignCarriesItsTasksAndDueMonths()
    {
        var campaigns = await ReadJson(await Client.GetAsync("/api/v1/plans?kind=Campaign"));
        var campaign = campaigns.GetProperty("items").EnumerateArray().Single();
        var plan = await ReadJson(await Client.GetAsync($"/api/v1/plans/{campaign.GetProperty("id").GetGuid()}"));
        var tasks = await ReadJson(await Client.GetAsync($"/api/v1/plans/{campaign.GetProperty("id").GetGuid()}/tasks"));

        Assert.That((plan.GetProperty("periodStart").GetString(), plan.GetProperty("periodEnd").GetString()), Is.EqualTo(("2023-09-20", "2023-12-19")));
        Assert.That(tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("dueMonth").GetString()), Is.EqualTo(new[] { "2023-10", "2023-10", "2023-11", "2023-11", "2023-12" }));
    }

    [Test]
    public async Task OnlyOfficialCodesAreNotMarkedSample()
    {
        var official = await InDatabase(db => db.Agencies.Where(a => !a.IsSample).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync());
        var illustrativeAssignments = await InDatabase(db => db.IndexAssignments.AllAsync(a => a.IsSample));

        Assert.That(official, Is.EqualTo(new[] { "000.00.00.H48", "000.00.00.H50" }));
        Assert.That(illustrativeAssignments, Is.True);
    }

    [Test]
    public async Task LoadingAgainChangesNothing()
    {
        var before = await Counts();
        var reportsBefore = await ReportCounts();

        await LoadSampleData();

        Assert.That(await Counts(), Is.EqualTo(before));
        Assert.That(before, Is.EqualTo((16, 4, 7, 4)));
        Assert.That(await ReportCounts(), Is.EqualTo(reportsBefore));
        Assert.That(reportsBefore, Is.EqualTo((5, 5, 1, 8)));
    }

    [Test]
    public async Task Plan170ReportsForAPeriodShowTheFlowsStates()
    {
        var q3 = await ReadJson(await Client.GetAsync("/api/v1/reports?periodId=2023Q3"));
        var q4 = await ReadJson(await Client.GetAsync("/api/v1/reports?periodId=2023Q4"));
        var names = await AgencyNames();

        Assert.That(StatesByAgency(q3, names), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Sở TT&TT Quảng Trị"] = "Accepted OnTime 0",
            ["Công an tỉnh Quảng Trị"] = "Returned Late 3",
        }));
        Assert.That(StatesByAgency(q4, names), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Sở TT&TT Quảng Trị"] = "Submitted OnTime 0",
            ["Công an tỉnh Quảng Trị"] = "Draft - -",
        }));
        Assert.That(Items(q3).Concat(Items(q4)).Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("isSample").GetBoolean())),
            Is.All.EqualTo(("Periodic", true)));
    }

    [Test]
    public async Task TheReturnedAndResubmittedReportKeepsBothVersions()
    {
        var report = await SampleReport("2023Q4", "Sở TT&TT Quảng Trị");

        var versions = await ReadJson(await Client.GetAsync($"/api/v1/reports/{report}/versions"));
        var diff = await ReadJson(await Client.GetAsync($"/api/v1/reports/{report}/versions/2/diff?against=1"));
        var current = await ReadJson(await Client.GetAsync($"/api/v1/reports/{report}"));

        var first = versions.GetProperty("versions")[0];
        Assert.That(first.GetProperty("outcome").GetString(), Is.EqualTo("Returned"));
        Assert.That(first.GetProperty("returnReason").GetString(), Does.Contain("minh họa"));
        Assert.That(first.GetProperty("indexNotes")[0].GetProperty("indexCode").GetString(), Is.EqualTo("7"));
        Assert.That(first.GetProperty("submittedAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2023, 12, 18, 16, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(first.GetProperty("countsForTimeliness").GetBoolean(), Is.True);
        Assert.That(versions.GetProperty("versions")[1].GetProperty("outcome").GetString(), Is.EqualTo("Pending"));
        Assert.That(Changes(diff), Does.Contain("7 numericValue 0.5000 → 0.5250").And.Contain("7 score 100.00 → 105.00").And.Contain("Results"));
        Assert.That(current.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "Withdraw", "Accept", "Return" }));
    }

    [Test]
    public async Task ObligationsOfPlan170ShowWhereEachSampleReportStands()
    {
        var plan = await InDatabase(db => db.Plans.Where(p => p.DocumentNumber == "170/KH-UBND").Select(p => p.Id).SingleAsync());

        var owed = await ReadJson(await Client.GetAsync($"/api/v1/obligations?from=2023-01-01&to=2023-12-31&planId={plan}&pageSize=100"));

        var standing = Items(owed).Select(o => $"{o.GetProperty("agency").GetProperty("shortName").GetString()} {o.GetProperty("periodId").GetString()} {o.GetProperty("lastAllowedDay").GetString()} {o.GetProperty("reportStatus").GetString()}");
        Assert.That(standing, Is.EquivalentTo(new[]
        {
            "Sở TT&TT Quảng Trị 2023Q3 2023-09-25 Accepted",
            "Công an tỉnh Quảng Trị 2023Q3 2023-09-25 Returned",
            "Sở TT&TT Quảng Trị 2023 2023-12-19 Missing",
            "Công an tỉnh Quảng Trị 2023 2023-12-19 Missing",
            "Sở TT&TT Quảng Trị 2023Q4 2023-12-25 Submitted",
            "Công an tỉnh Quảng Trị 2023Q4 2023-12-25 Missing",
        }));
        Assert.That(Items(owed).Where(o => o.GetProperty("periodId").GetString()!.Contains('Q', StringComparison.Ordinal)).Select(o => o.GetProperty("reportId").ValueKind),
            Is.All.EqualTo(System.Text.Json.JsonValueKind.String));
    }

    [Test]
    public async Task QuangBinhsQuarterFourReportAnswersLetter2351()
    {
        var adHoc = await ReadJson(await Client.GetAsync("/api/v1/reports?kind=AdHoc"));
        var summary = Items(adHoc).Single();
        var report = await ReadJson(await Client.GetAsync($"/api/v1/reports/{summary.GetProperty("id").GetGuid()}"));
        var request = await InDatabase(db => db.ReportRequests.Include(r => r.AskedIndices).SingleAsync());

        Assert.That(request.Topic, Does.Contain("2351/UBND-KSTT").And.Contain("Quý IV/2023"));
        Assert.That((request.IssuedOn, request.DueDate, request.IsSample), Is.EqualTo((new DateOnly(2023, 11, 16), new DateOnly(2023, 12, 19), true)));
        Assert.That(report.GetProperty("reportRequestId").GetGuid(), Is.EqualTo(request.Id));
        Assert.That((report.GetProperty("state").GetString(), report.GetProperty("timeliness").GetString()), Is.EqualTo(("Accepted", "OnTime")));
        Assert.That(request.AskedIndexCodes, Is.EquivalentTo(new[] { "3", "7" }));
        Assert.That(report.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("indexCode").GetString()), Is.EqualTo(new[] { "3", "7" }));
        Assert.That(report.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()).ToList(), Has.Count.EqualTo(2).And.Some.Contains("Quý IV/2023"));
    }

    [Test]
    public async Task SampleReportsAreMarkedIllustrativeAndCiteLinks()
    {
        var reports = await InDatabase(db => db.Reports.Include(r => r.Entries).ToListAsync());
        var evidence = await InDatabase(db => db.Evidence.ToListAsync());
        var framework = await InDatabase(db => db.Frameworks.Include(f => f.MainIndices).SingleAsync(f => f.Code == "QD-922-2022"));

        Assert.That(reports.Select(r => r.IsSample), Is.All.True);
        Assert.That(reports.SelectMany(r => r.Entries).Select(e => e.Note), Is.All.Contains("Số liệu minh họa"));
        Assert.That(reports.SelectMany(r => r.Entries), Is.All.Matches<Domain.Reports.ReportEntry>(
            e => e.NumericValue is >= 0 and <= 1 && e.Score <= framework.MainIndices.Single(m => m.Code == e.IndexCode).MaxPoints));
        Assert.That(evidence.Select(e => (e.Kind, e.Url!.Contains(".example/minh-hoa/", StringComparison.Ordinal), e.Description!.Contains("minh họa", StringComparison.Ordinal))),
            Is.All.EqualTo((Domain.Evidence.EvidenceKind.Link, true, true)));
        Assert.That(reports.SelectMany(r => r.Entries.SelectMany(e => e.EvidenceIds).Select(id => evidence.Single(x => x.Id == id).AgencyId == r.AgencyId)), Is.All.True);
    }

    [Test]
    public async Task SearchFindsSampleAgenciesWithoutDiacritics()
    {
        var page = await ReadJson(await Client.GetAsync("/api/v1/agencies?q=dai%20phat%20thanh"));

        Assert.That(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("fullName").GetString()), Is.EqualTo(new[] { "Đài Phát thanh - Truyền hình tỉnh Quảng Trị" }));
    }

    private static IEnumerable<System.Text.Json.JsonElement> Items(System.Text.Json.JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static Dictionary<string, string> StatesByAgency(System.Text.Json.JsonElement page, Dictionary<Guid, string> names) =>
        Items(page).ToDictionary(
            r => names[r.GetProperty("agencyId").GetGuid()],
            r => $"{r.GetProperty("state").GetString()} {r.GetProperty("timeliness").GetString() ?? "-"} {(r.GetProperty("workingDaysLate").ValueKind == System.Text.Json.JsonValueKind.Null ? "-" : r.GetProperty("workingDaysLate").GetInt32())}");

    private static List<string> Changes(System.Text.Json.JsonElement diff) =>
        [.. diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("section").GetString() ?? $"{c.GetProperty("indexCode").GetString()} {c.GetProperty("field").GetString()} {c.GetProperty("from").GetString()} → {c.GetProperty("to").GetString()}")];

    private Task<Dictionary<Guid, string>> AgencyNames() => InDatabase(db => db.Agencies.ToDictionaryAsync(a => a.Id, a => a.ShortName));

    private async Task<Guid> SampleReport(string periodId, string agencyShortName)
    {
        var names = await AgencyNames();
        var page = await ReadJson(await Client.GetAsync($"/api/v1/reports?periodId={periodId}"));
        return Items(page).Single(r => names[r.GetProperty("agencyId").GetGuid()] == agencyShortName).GetProperty("id").GetGuid();
    }

    private Task<(int Agencies, int Plans, int Tasks, int Assignments)> Counts() =>
        InDatabase(async db => (await db.Agencies.CountAsync(), await db.Plans.CountAsync(), await db.PlanTasks.CountAsync(), await db.IndexAssignments.CountAsync()));

    private Task<(int Reports, int Versions, int Requests, int Evidence)> ReportCounts() =>
        InDatabase(async db => (await db.Reports.CountAsync(), await db.ReportVersions.CountAsync(), await db.ReportRequests.CountAsync(), await db.Evidence.CountAsync()));
}
