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

        await LoadSampleData();

        Assert.That(await Counts(), Is.EqualTo(before));
        Assert.That(before, Is.EqualTo((16, 4, 7, 4)));
    }

    [Test]
    public async Task SearchFindsSampleAgenciesWithoutDiacritics()
    {
        var page = await ReadJson(await Client.GetAsync("/api/v1/agencies?q=dai%20phat%20thanh"));

        Assert.That(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("fullName").GetString()), Is.EqualTo(new[] { "Đài Phát thanh - Truyền hình tỉnh Quảng Trị" }));
    }

    private Task<(int Agencies, int Plans, int Tasks, int Assignments)> Counts() =>
        InDatabase(async db => (await db.Agencies.CountAsync(), await db.Plans.CountAsync(), await db.PlanTasks.CountAsync(), await db.IndexAssignments.CountAsync()));
}
