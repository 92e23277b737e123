using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Reports;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.SelfAssessments;

/// <summary>
/// Consolidating a year takes the same SQL statements for a handful of agencies as for a national simulation — 34
/// provinces' worth of agencies (5,100), a framework of 200 indices, each led by one agency that has four accepted
/// quarterly reports (800 reports) — and prints its median time beside the raw query that reads the same accepted
/// versions (the one statement consolidation cannot do without), for docs/benchmarks.md. No time is asserted.
/// </summary>
public sealed class SelfAssessmentScaleTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>A year no reference framework governs: the seeded framework governs it alone.</summary>
    private const int Year = 2019;

    private const int TimedRuns = 5;

    private readonly CommandLog _commands = new();

    private readonly record struct Measure(int Statements, TimeSpan Elapsed);

    protected override IReadOnlyDictionary<string, string?> Settings => CommandLog.SettingsWithoutKeyCache;

    protected override DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings, _commands.Logs);

    [OneTimeTearDown]
    public void DisposeLogs() => _commands.Dispose();

    [Test]
    public async Task ConsolidatingAYearTakesAsManyStatementsForTheNationAsForAFewAgencies()
    {
        var consolidation = string.Create(CultureInfo.InvariantCulture, $"/api/v1/self-assessments/{Year}");

        await SeedAsync(agencies: 6, indices: 5);
        var small = await MeasureAsync(consolidation);
        await ResetDatabase();
        await SeedAsync(agencies: 34 * 150, indices: 200);
        var national = await MeasureAsync(consolidation);
        var raw = await MeasureRawAsync();
        var assessment = JsonDocument.Parse(await Read(consolidation)).RootElement;

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Provider} GET {consolidation}: {small.Statements} statements (6 agencies, 5 indices), {national.Statements} statements and median {national.Elapsed.TotalMilliseconds:0} ms of {TimedRuns} runs (5,100 agencies, 200 indices, 800 accepted reports); the raw query of the accepted versions: median {raw.TotalMilliseconds:0.0} ms"));
        var indices = assessment.GetProperty("indices").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(national.Statements, Is.EqualTo(small.Statements), "the statements must not grow with the data");
            Assert.That(small.Statements, Is.LessThanOrEqualTo(20), "a bounded, small number of statements");
            Assert.That(indices.Count(i => i.GetProperty("reported").ValueKind == JsonValueKind.Object), Is.EqualTo(200), "each lead's index has its reported figures");
            Assert.That(indices.Single(i => i.GetProperty("code").GetString() == "1.1").GetProperty("reported").GetProperty("value").GetDecimal(), Is.EqualTo(40m), "the quarter accepted last (Q4) stands");
        });
    }

    private async Task<Measure> MeasureAsync(string url)
    {
        await Read(url);
        var counts = new List<int>();
        var times = new List<TimeSpan>();
        for (var run = 0; run < TimedRuns; run++)
        {
            var before = _commands.Mark;
            var watch = Stopwatch.StartNew();
            await Read(url);
            watch.Stop();
            counts.Add(_commands.ExecutedSince(before).Count(m => !m.Contains("\"OutboxMessages\"", StringComparison.Ordinal))); // the outbox dispatcher polls beside the request
            times.Add(watch.Elapsed);
        }

        Assert.That(counts.Distinct().Count(), Is.EqualTo(1), $"every run takes the same statements ({string.Join(", ", counts)})");
        return new Measure(counts[0], times.Order().ElementAt(TimedRuns / 2));
    }

    /// <summary>
    /// The baseline: the SQL EF writes for "the accepted versions of the year's reports, with their content", executed on
    /// the same connection with a plain <see cref="System.Data.Common.DbCommand"/>, every row read — no pipeline, no mapping.
    /// </summary>
    private async Task<TimeSpan> MeasureRawAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var sql = db.ReportVersions
            .Where(v => v.Outcome == ReportVersionOutcome.Accepted)
            .Join(db.Reports.Where(r => r.AssessmentYear == Year && r.Kind != ReportKind.Contribution), v => v.ReportId, r => r.Id, (v, r) => new { v.ReportId, v.Number, r.AgencyId, v.Content })
            .AsSingleQuery() // no note about split queries in front of the SQL
            .ToQueryString();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var times = new List<TimeSpan>();
        for (var run = 0; run <= TimedRuns; run++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var watch = Stopwatch.StartNew();
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    _ = reader.GetString(3);
                    rows++;
                }
            }

            watch.Stop();
            Assert.That(rows, Is.EqualTo(800), "four accepted quarters for each of the 200 leads");
            if (run > 0)
            {
                times.Add(watch.Elapsed);
            }
        }

        return times.Order().ElementAt(TimedRuns / 2);
    }

    private async Task<string> Read(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    /// <summary>
    /// A framework with <paramref name="indices"/> indices governing <see cref="Year"/>; <paramref name="agencies"/>
    /// agencies, the first <paramref name="indices"/> each leading one index under one issued plan reporting quarterly,
    /// each lead's four quarters accepted; the year's self-assessment opened on the 15/01 rule.
    /// </summary>
    private async Task SeedAsync(int agencies, int indices)
    {
        var now = DateTimeOffset.UtcNow;
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh", "2018-01-01");
        var quarterlyRule = await InDatabase(db => db.DeadlineRules.Where(r => r.Name == ReferenceDeadlineRules.QuangTriQuarterlyName).Select(r => r.Id).SingleAsync());
        var selfAssessmentRule = await InDatabase(db => db.DeadlineRules.Where(r => r.Name == ReferenceDeadlineRules.QuangBinhSelfAssessmentName).Select(r => r.Id).SingleAsync());
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
                foreach (var quarter in new[] { 1, 2, 3, 4 })
                {
                    var content = new ReportContentSpec([new ReportEntrySpec(codes[i], 10m * quarter, null, null, null, null, null, [], null)], "Kết quả", null, null);
                    var period = ReportingPeriod.Parse(string.Create(CultureInfo.InvariantCulture, $"{Year}Q{quarter}"));
                    var report = Report.CreatePeriodic(leads[i], plan, quarterlyRule, period, isSample: false, now.AddMinutes(quarter));
                    report.ReplaceContent(content, answerable, now.AddMinutes(quarter));
                    var version = report.Submit(answerable, new ReportDeadline(period.End), [], calendar, actor, now.AddMinutes(quarter));
                    report.Accept(version, actor, now.AddMinutes(quarter));
                    db.Reports.Add(report);
                    db.ReportVersions.Add(version);
                }
            }

            await db.SaveChangesAsync();
        }

        var opened = await Client.PostAsJsonAsync("/api/v1/self-assessments", new { assessmentYear = Year, deadlineRuleId = selfAssessmentRule });
        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Created), await opened.Content.ReadAsStringAsync());
    }
}
