using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Reports;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// Listing a period's reports and computing completeness take the same number of SQL statements for a handful of agencies
/// as for a province: 150 agencies, 100 indices (each led by one agency, so 100 lead agencies) and a year of quarterly
/// reports. Each size gets its own database content; statements are counted from EF's "Executed DbCommand" log while
/// one request runs. The data is seeded through the DbContext with the domain's own methods (creating 300 reports
/// through HTTP would take most of a minute); the plan is created and issued through HTTP.
/// </summary>
public sealed class ReportScaleTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>A year no reference framework governs: the seeded framework with 100 indices governs it alone.</summary>
    private const int Year = 2019;

    private const int TimedRuns = 5;

    private readonly CommandLog _commands = new();

    /// <summary>What each size measured: statements per request, and its median wall time (for docs/benchmarks.md).</summary>
    private readonly record struct Measure(int Statements, TimeSpan Elapsed);

    protected override IReadOnlyDictionary<string, string?> Settings => CommandLog.SettingsWithoutKeyCache;

    protected override DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings, _commands.Logs);

    [OneTimeTearDown]
    public void DisposeLogs() => _commands.Dispose();

    [Test]
    public async Task ListingAPeriodsReportsAndCompletenessTakeAsManyStatementsForAProvinceAsForAFewAgencies()
    {
        string[] reads =
        [
            $"/api/v1/reports?periodId={Year}Q2&pageSize=100",
            $"/api/v1/reports/completeness?assessmentYear={Year}",
            $"/api/v1/reports/completeness?assessmentYear={Year}&periodId={Year}Q2",
        ];

        await SeedAsync(agencies: 6, indices: 5);
        var small = await MeasureAsync(reads);
        await ResetDatabase();
        await SeedAsync(agencies: 150, indices: 100);
        var province = await MeasureAsync(reads);
        var year = JsonDocument.Parse(await Read(reads[1])).RootElement;
        var listed = JsonDocument.Parse(await Read(reads[0])).RootElement;

        for (var i = 0; i < reads.Length; i++)
        {
            await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Provider} {reads[i]}: {small[i].Statements} statements (6 agencies, 5 indices), {province[i].Statements} statements, median {province[i].Elapsed.TotalMilliseconds:0} ms of {TimedRuns} runs (150 agencies, 100 indices)"));
        }

        Assert.Multiple(() =>
        {
            // 100 leads × 4 quarters owed; Q1 (accepted, under correction), Q2 and Q3 in; every index has its value.
            Assert.That(Totals(year.GetProperty("obligations")), Is.EqualTo((400, 300, 75.0m)));
            Assert.That(Totals(year.GetProperty("indices")), Is.EqualTo((100, 100, 100.0m)));
            Assert.That(year.GetProperty("agencyCount").GetInt32(), Is.EqualTo(100));
            Assert.That(listed.GetProperty("totalCount").GetInt32(), Is.EqualTo(100), "one Q2 report per lead agency");
            for (var i = 0; i < reads.Length; i++)
            {
                Assert.That(province[i].Statements, Is.EqualTo(small[i].Statements), $"{reads[i]}: the statements must not grow with the data");
                Assert.That(small[i].Statements, Is.LessThanOrEqualTo(20), $"{reads[i]}: a bounded, small number of statements");
            }
        });
    }

    /// <summary>
    /// Runs each read once to warm caches (the calendar, EF's compiled queries), then <see cref="TimedRuns"/> times; every
    /// run must take the same statements, and the median wall time is kept for docs/benchmarks.md.
    /// </summary>
    private async Task<Measure[]> MeasureAsync(string[] reads)
    {
        var measures = new Measure[reads.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            await Read(reads[i]);
            var counts = new List<int>();
            var times = new List<TimeSpan>();
            for (var run = 0; run < TimedRuns; run++)
            {
                var before = _commands.Mark;
                var watch = Stopwatch.StartNew();
                var body = await Read(reads[i]);
                watch.Stop();
                Assert.That(body, Does.Contain("\"id\""), $"{reads[i]} shows the seeded data");
                counts.Add(_commands.ExecutedSince(before).Count(m => !m.Contains("\"OutboxMessages\"", StringComparison.Ordinal))); // the outbox dispatcher polls beside the request
                times.Add(watch.Elapsed);
            }

            Assert.That(counts.Distinct().Count(), Is.EqualTo(1), $"{reads[i]}: every run takes the same statements ({string.Join(", ", counts)})");
            measures[i] = new Measure(counts[0], times.Order().ElementAt(TimedRuns / 2));
        }

        return measures;
    }

    private static (int Expected, int Complete, decimal Percent) Totals(JsonElement totals) =>
        (totals.GetProperty("expected").GetInt32(), totals.GetProperty("complete").GetInt32(), totals.GetProperty("percent").GetDecimal());

    private async Task<string> Read(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    /// <summary>
    /// A framework with <paramref name="indices"/> indices governing <see cref="Year"/>; <paramref name="agencies"/>
    /// agencies, the first <paramref name="indices"/> each leading one index under one issued plan reporting quarterly;
    /// for each lead, Q1 accepted and under correction (revision 2), Q2 and Q3 submitted, Q4 not started.
    /// </summary>
    private async Task SeedAsync(int agencies, int indices)
    {
        var now = DateTimeOffset.UtcNow;
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh", "2018-01-01");
        var quarterlyRule = await InDatabase(db => db.DeadlineRules.Where(r => r.Name == ReferenceDeadlineRules.QuangTriQuarterlyName).Select(r => r.Id).SingleAsync());
        var codes = await ProvinceScale.AddFrameworkAsync(Factory.Services, "SCALE-2019", Year, Year, indices);
        var plan = await ProvinceScale.CreatePlanAsync(Client, province, $"{Year}-01-15", Year, Year);
        var leads = await ProvinceScale.AddLeadAgenciesAsync(Factory.Services, plan, "SCALE-2019", codes, province, agencies, new DateOnly(2018, 1, 1));
        await ProvinceScale.IssueAsync(Client, plan, [quarterlyRule]);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
            var framework = await db.Frameworks.AsNoTracking().Include(f => f.MainIndices).Include(f => f.ComponentIndices).SingleAsync(f => f.Code == "SCALE-2019");
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarSource>().GetAsync(db, CancellationToken.None);
            var actor = new ReportActor("scale-seed", "Scale test");
            for (var i = 0; i < leads.Count; i++)
            {
                var answerable = AnswerableIndex.Of(framework, [codes[i]]);
                var content = new ReportContentSpec([new ReportEntrySpec(codes[i], 42m, null, null, null, null, null, [], null)], "Kết quả", null, null);
                foreach (var quarter in new[] { 1, 2, 3 })
                {
                    var period = ReportingPeriod.Parse(string.Create(CultureInfo.InvariantCulture, $"{Year}Q{quarter}"));
                    var report = Report.CreatePeriodic(leads[i], plan, quarterlyRule, period, isSample: false, now);
                    report.ReplaceContent(content, answerable, now);
                    var version = report.Submit(answerable, new ReportDeadline(period.End), [], calendar, actor, now);
                    if (quarter == 1)
                    {
                        report.Accept(version, actor, now);
                        report.Revise(now);
                    }

                    db.Reports.Add(report);
                    db.ReportVersions.Add(version);
                }
            }

            await db.SaveChangesAsync();
        }
    }
}
