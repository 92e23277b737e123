using System.Globalization;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Plans;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Reminders;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Reminders;

/// <summary>
/// A reminder scan at province scale: one issued plan for 2014–2018, 200 agencies each leading one index, 10 monthly
/// rules (120,000 obligations in the five years) and 300 tasks spread over 2016. The scan on Wednesday 15/6/2016 reads
/// only what falls due around that day. It asserts what was raised and that a second scan raises nothing; it prints
/// the times (docs/benchmarks.md) and asserts none.
/// </summary>
public sealed class ReminderScaleTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const int Agencies = 200;
    private const int Rules = 10;
    private const int Tasks = 300;

    private readonly SettableClock _clock = new(new DateTimeOffset(2016, 6, 15, 10, 0, 0, TimeSpan.FromHours(7)));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:DispatchInBackground"] = "false",
    };

    [Test]
    public async Task AScanAtProvinceScaleReadsOnlyTheSubjectsDueAroundToday()
    {
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh", "2010-01-01");
        var codes = await ProvinceScale.AddFrameworkAsync(Factory.Services, "SCALE-2014", 2014, 2018, Agencies);
        var rules = await ProvinceScale.AddMonthlyRulesAsync(Factory.Services, Rules);
        var plan = await ProvinceScale.CreatePlanAsync(Client, province, "2014-01-02", 2014, 2018);
        var leads = await ProvinceScale.AddLeadAgenciesAsync(Factory.Services, plan, "SCALE-2014", codes, province, Agencies, new DateOnly(2010, 1, 1));
        await AddTasksAsync(plan, leads);
        await ProvinceScale.IssueAsync(Client, plan, rules);

        await using var clocked = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        var scanner = clocked.Services.GetRequiredService<ReminderScanner>();
        var (first, firstTime) = await Timed(() => scanner.ScanOnceAsync(CancellationToken.None));
        var (second, secondTime) = await Timed(() => scanner.ScanOnceAsync(CancellationToken.None));
        var (rows, countTime) = await Timed(CountSourceRowsAsync);
        var stored = await InDatabase(db => db.Reminders.CountAsync());

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Provider}: {Agencies * Rules * 12 * 5:N0} obligations, {Tasks} tasks; first scan raised {first} in {firstTime.TotalMilliseconds:N0} ms, second raised {second} in {secondTime.TotalMilliseconds:N0} ms; a plain count of the {rows:N0} source rows {countTime.TotalMilliseconds:N0} ms"));
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.GreaterThan(0).And.EqualTo(stored));
            Assert.That(second, Is.Zero, "a second scan raises nothing");
        });
    }

    /// <summary>What a scan reads, counted plainly: the plan's lead assignments, the tasks and the reminders.</summary>
    private Task<int> CountSourceRowsAsync() => InDatabase(async db =>
        await db.IndexAssignments.CountAsync() + await db.PlanTasks.CountAsync() + await db.Reminders.CountAsync());

    /// <summary><see cref="Tasks"/> tasks led by the leads in turn, due on successive days of 2016.</summary>
    private async Task AddTasksAsync(Guid plan, List<Guid> leads)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var draft = await db.Plans.SingleAsync(p => p.Id == plan);
        var framework = await db.Frameworks.Include(f => f.MainIndices).Include(f => f.ComponentIndices).SingleAsync(f => f.Code == "SCALE-2014");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Tasks; i++)
        {
            var due = new DateOnly(2016, 1, 4).AddDays(i);
            db.PlanTasks.Add(PlanTask.Create(draft, new PlanTaskSpec($"Nhiệm vụ {i}", null, leads[i % leads.Count], [], due, null, []), framework, now));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> action)
    {
        var started = TimeProvider.System.GetTimestamp();
        var result = await action();
        return (result, TimeProvider.System.GetElapsedTime(started));
    }
}
