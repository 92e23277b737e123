using System.Globalization;
using System.Net;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Obligations;

/// <summary>
/// A page of obligations costs the same for a handful of obligations as for a province's five years: the same SQL
/// statements (the issued plans read once), and memory growing far less than the obligations (400×) — the page is
/// counted per (plan, rule, period) and only the obligations around it are built, never all 120,000. Memory is the
/// bytes the process allocates while the request runs (the least of several runs, so background work is filtered out).
/// No time is asserted; the test prints it.
/// </summary>
public sealed class ObligationScaleTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>Years no reference framework governs: a seeded framework governs them alone.</summary>
    private const int FirstYear = 2014;
    private const int LastYear = 2018;
    private const string Range = "from=2014-01-01&to=2018-12-31";

    /// <summary>Requests before measuring: the first ones pay for JIT compilation and the pool, and would make the printed time a cold one.</summary>
    private const int WarmUps = 20;

    /// <summary>Measured requests: enough for the printed median to be a warm request's time on a shared machine (no time is asserted).</summary>
    private const int Runs = 40;

    /// <summary>
    /// What may grow is per agency (200 rows) and per rule and month (600 deadlines with their explanations): page 1 took
    /// about 5× the small case's bytes; building all 120,000 obligations took about 70× (38 MB against 0.55 MB).
    /// </summary>
    private const double AllowedGrowth = 10.0;

    private readonly CommandLog _commands = new();

    private readonly record struct Measure(int Statements, int PlanReads, long Bytes, TimeSpan Elapsed);

    protected override IReadOnlyDictionary<string, string?> Settings => CommandLog.SettingsWithoutKeyCache;

    protected override DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings, _commands.Logs);

    [OneTimeTearDown]
    public void DisposeLogs() => _commands.Dispose();

    [Test]
    public async Task APageOfObligationsCostsTheSameForAProvincesFiveYearsAsForAFewObligations()
    {
        const string firstPage = $"/api/v1/obligations?{Range}";

        await SeedAsync(agencies: 5, rules: 1);
        var small = await MeasureAsync(firstPage);
        var smallTotal = (await GetJson(firstPage)).GetProperty("totalCount").GetInt32();
        await ResetDatabase();
        var (agency, _) = await SeedAsync(agencies: 200, rules: 10);
        var province = await MeasureAsync(firstPage);
        var totals = await GetJson(firstPage);
        var lastPage = await MeasureAsync($"{firstPage}&page=1200&pageSize=100");
        var calendar = await MeasureAsync($"/api/v1/agencies/{agency}/calendar.ics?{Range}");

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Provider}: page 1 of {smallTotal} obligations {small}; page 1 of {totals.GetProperty("totalCount").GetInt32()} {province}; its last page {lastPage}; one agency's calendar feed {calendar}"));
        Assert.Multiple(() =>
        {
            Assert.That(smallTotal, Is.EqualTo(5 * 12 * 5), "5 agencies × 1 monthly rule × 60 months");
            Assert.That(totals.GetProperty("totalCount").GetInt32(), Is.EqualTo(200 * 10 * 12 * 5), "200 agencies × 10 monthly rules × 60 months");
            Assert.That(province.Statements, Is.EqualTo(small.Statements), "the statements must not grow with the data");
            Assert.That(province.PlanReads, Is.EqualTo(1), "the issued plans are read once, with their rules");
            Assert.That(province.Bytes, Is.LessThan(small.Bytes * AllowedGrowth), $"page 1 allocates {province.Bytes:N0} bytes at province scale, {small.Bytes:N0} for 300 obligations");
            Assert.That(lastPage.Bytes, Is.LessThan(small.Bytes * AllowedGrowth), $"the last page of 100 allocates {lastPage.Bytes:N0} bytes");
        });
    }

    [Test]
    public async Task PagesFollowOneAnotherInTheSameOrderAsOneLargerPage()
    {
        await SeedAsync(agencies: 12, rules: 3);
        var url = $"/api/v1/obligations?{Range}&status=Overdue";

        var whole = Keys(await GetJson($"{url}&pageSize=90")).ToList();
        var pages = new List<string>();
        for (var page = 1; page <= 9; page++)
        {
            pages.AddRange(Keys(await GetJson($"{url}&page={page}&pageSize=10")));
        }

        Assert.That(pages, Is.EqualTo(whole));
        Assert.That(whole, Has.Count.EqualTo(90).And.Unique);
    }

    /// <summary>
    /// One issued plan for <see cref="FirstYear"/>–<see cref="LastYear"/> under a framework of its own; each of
    /// <paramref name="agencies"/> agencies leads one index; the plan reports by <paramref name="rules"/> monthly rules
    /// (due on the 5th, 6th, … of the month). Returns an agency and the plan.
    /// </summary>
    private async Task<(Guid Agency, Guid Plan)> SeedAsync(int agencies, int rules)
    {
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh", "2010-01-01");
        var codes = await ProvinceScale.AddFrameworkAsync(Factory.Services, "SCALE-2014", FirstYear, LastYear, agencies);
        var ruleIds = await ProvinceScale.AddMonthlyRulesAsync(Factory.Services, rules);
        var plan = await ProvinceScale.CreatePlanAsync(Client, province, $"{FirstYear}-01-02", FirstYear, LastYear);
        var leads = await ProvinceScale.AddLeadAgenciesAsync(Factory.Services, plan, "SCALE-2014", codes, province, agencies, new DateOnly(2010, 1, 1));
        await ProvinceScale.IssueAsync(Client, plan, ruleIds);
        return (leads[0], plan);
    }

    /// <summary>
    /// <see cref="WarmUps"/> requests, then <see cref="Runs"/> runs: every run must take the same statements; the least allocation and the
    /// median time are kept (allocation is counted process-wide, so the least run is the one with no background work).
    /// </summary>
    private async Task<Measure> MeasureAsync(string url)
    {
        for (var warmUp = 0; warmUp < WarmUps; warmUp++)
        {
            await Read(url);
        }

        var counts = new List<int>();
        var bytes = new List<long>();
        var times = new List<TimeSpan>();
        List<string> executed = [];
        for (var run = 0; run < Runs; run++)
        {
            var before = _commands.Mark;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = TimeProvider.System.GetTimestamp();
            await Read(url);
            times.Add(TimeProvider.System.GetElapsedTime(started));
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
            executed = [.. _commands.ExecutedSince(before).Where(m => !m.Contains("\"OutboxMessages\"", StringComparison.Ordinal))]; // the outbox dispatcher polls beside the request
            counts.Add(executed.Count);
        }

        Assert.That(counts.Distinct().Count(), Is.EqualTo(1), $"{url}: every run takes the same statements ({string.Join(", ", counts)})");
        return new Measure(counts[0], executed.Count(m => m.Contains("FROM \"Plans\"", StringComparison.Ordinal)), bytes.Min(), times.Order().ElementAt(Runs / 2));
    }

    private async Task<string> Read(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    private async Task<JsonElement> GetJson(string url) => JsonDocument.Parse(await Read(url)).RootElement;

    private static IEnumerable<string> Keys(JsonElement page) => page.GetProperty("items").EnumerateArray()
        .Select(i => $"{i.GetProperty("agency").GetProperty("code").GetString()} {i.GetProperty("rule").GetProperty("name").GetString()} {i.GetProperty("periodId").GetString()}");
}
