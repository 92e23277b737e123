using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.Webhooks;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// Two API processes, each with its own memory, caches and dispatch loop, serving one database — as when the
/// province runs several instances behind a load balancer. Everything goes through HTTP.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed partial class TwoProcessesTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private string _apiKey = null!;

    [SetUp]
    public async Task CreateDatabaseAndKey()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var run = await ApiProcess.RunAsync(Settings(), "create-client", "--name", "Two processes", "--role", "Coordinator");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        _apiKey = ApiKey().Match(run.Output).Value;
    }

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task AScheduleChangedThroughOneProcessIsUsedByTheOtherAtItsNextRequest()
    {
        // The second process runs no dispatcher, so no event can reach it: only the stamp check can tell it.
        await using var first = await ApiProcess.StartAsync(Settings());
        await using var second = await ApiProcess.StartAsync(Settings(("Outbox__DispatchInBackground", "false")));
        using var changer = first.CreateClient(_apiKey);
        using var reader = second.CreateClient(_apiKey);
        Assert.That(await IsWorkingDay(reader, "2026-04-29"), Is.True, "a Wednesday; now in the second process's cached calendar");
        Assert.That(await IsWorkingDay(changer, "2026-04-29"), Is.True);

        var current = await changer.GetAsync("/api/v1/calendar/years/2026/official-schedule");
        var entries = (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray()
            .Select(e => new { date = e.GetProperty("date").GetString(), kind = e.GetProperty("kind").GetString(), reason = e.GetProperty("reason").GetString() })
            .Append(new { date = (string?)"2026-04-29", kind = (string?)"DayOff", reason = (string?)"day off swapped for Saturday 09/05/2026" })
            .ToList();
        var put = await changer.SendWithIfMatch(HttpMethod.Put, "/api/v1/calendar/years/2026/official-schedule", new { entries }, current.Headers.ETag!.ToString());
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var day = await reader.GetFromJsonAsync<JsonElement>("/api/v1/calendar/days/2026-04-29");
        Assert.That(day.GetProperty("isWorkingDay").GetBoolean(), Is.False, "the second process's next request uses the new schedule");
        Assert.That(day.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("day off swapped for Saturday 09/05/2026"));
        Assert.That(await IsWorkingDay(changer, "2026-04-29"), Is.False);

        await Eventually.HoldsAsync(async () => await Stored(db => db.OutboxMessages.AnyAsync(m => m.Type == "OfficialScheduleReplaced" && m.Payload.Contains("\"version\":2") && m.ProcessedAt != null)),
            "the first process dispatched the schedule's event");
    }

    [Test]
    public async Task TwoProcessesDispatchingTheSameOutboxTakeEachEventExactlyOnce()
    {
        var racing = Settings(("Outbox__PollInterval", "00:00:00.050"), ("Outbox__BatchSize", "2"));
        await using var first = await ApiProcess.StartAsync(racing);
        await using var second = await ApiProcess.StartAsync(racing);
        using var a = first.CreateClient(_apiKey);
        using var b = second.CreateClient(_apiKey);

        foreach (var year in Enumerable.Range(2030, 30))
        {
            var response = await (year % 2 == 0 ? a : b).PutNew(
                $"/api/v1/calendar/years/{year}/official-schedule", new { entries = new[] { new { date = $"{year}-01-01", kind = "DayOff", reason = "Tết Dương lịch" } } });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        await Eventually.HoldsAsync(async () => await Stored(db => db.OutboxMessages.AllAsync(m => m.ProcessedAt != null)), "every event dispatched");
        // Taken and published: the schedules' events (the calendar cache consumes them). Events no handler consumes are stored processed.
        var messages = await Stored(db => db.OutboxMessages.Where(m => m.Type == "OfficialScheduleReplaced").Select(m => new { m.Attempts, m.ClaimedBy }).ToListAsync());
        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(30));
        Assert.That(messages.Select(m => m.Attempts).Distinct(), Is.EqualTo(new[] { 1 }), "no event was taken twice");
        var takenBy = messages.GroupBy(m => m.ClaimedBy!.Split('/')[1]).ToDictionary(g => int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture), g => g.Count());
        Assert.That(takenBy.Keys, Is.SubsetOf(new[] { first.Id, second.Id }));
        await TestContext.Out.WriteLineAsync($"{provider}: events taken per process: {string.Join(", ", takenBy.Select(p => $"{p.Key}={p.Value}"))}");
    }

    [Test]
    public async Task TwoProcessesScanningForRemindersRaiseAndDeliverEachReminderExactlyOnce()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var scanning = Settings(
            ("Reminders__ScanInterval", "00:00:00.100"),
            ("Outbox__PollInterval", "00:00:00.100"),
            ("Webhooks__PollInterval", "00:00:00.100"),
            ("Webhooks__AllowedHttpHosts__0", "127.0.0.1"));
        await using var first = await ApiProcess.StartAsync(scanning);
        await using var second = await ApiProcess.StartAsync(scanning);
        using var a = first.CreateClient(_apiKey);
        using var b = second.CreateClient(_apiKey);
        var subscribed = await a.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "report-request.due-soon", "report-request.due-today", "report-request.overdue" } });
        Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await subscribed.Content.ReadAsStringAsync());

        // Requests due yesterday (overdue), today, and in one and two days (due soon, whatever the weekday), each asking
        // three agencies: twelve reminders, raised while both processes scan every 100 ms.
        var province = await a.CreateAgencyId("000.00.00.H50", "UBND tỉnh");
        var asked = new[] { await a.CreateAgencyId("000.00.31.H50", "Sở TT&TT"), await a.CreateAgencyId("000.00.33.H50", "Công an tỉnh"), await b.CreateAgencyId("000.00.35.H50", "Sở Nội vụ") };
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        foreach (var days in new[] { -1, 0, 1, 2 })
        {
            var issued = await (days % 2 == 0 ? a : b).PostAsJsonAsync("/api/v1/report-requests", new
            {
                issuerAgencyId = province, topic = "Báo cáo nhanh", assessmentYear = 2026, issuedOn = today.AddDays(-2), dueDate = today.AddDays(days),
                askedAgencyIds = asked, askedIndexCodes = new[] { "1" },
            });
            Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        }

        await Eventually.HoldsAsync(async () => receiver.Received.Count >= 12 && await Stored(db => db.Reminders.CountAsync()) >= 12, "twelve reminders delivered");
        var scannedBy = new HashSet<string>();
        await Eventually.HoldsAsync(
            async () =>
            {
                scannedBy.Add((await Stored(db => db.ReminderScanClaims.Select(c => c.ScannedBy).SingleAsync()))!.Split('/')[1]);
                return scannedBy.Count == 2;
            },
            "both processes have scanned since (the claim row names the last scan's process)");

        var reminders = await Stored(db => db.Reminders.Select(r => new { r.SubjectKey, r.Threshold }).ToListAsync());
        var events = await Stored(db => db.OutboxMessages.CountAsync(m => m.Type == "ReminderRaised"));
        Assert.That(reminders, Has.Count.EqualTo(12));
        Assert.That(reminders.Select(r => r.Threshold.ToString()).Distinct().Order(), Is.EqualTo(new[] { "DueSoon", "DueToday", "Overdue" }));
        Assert.That(events, Is.EqualTo(12), "one outbox event per reminder");
        Assert.That(receiver.Received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(12));
        Assert.That(receiver.Received, Has.Count.EqualTo(12), "each delivered once");
        Assert.That(scannedBy, Is.EquivalentTo(new[] { first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Dti"] = _database.ConnectionString,
            ["Auth__BootstrapCoordinator"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<bool> IsWorkingDay(HttpClient client, string date) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/days/{date}")).GetProperty("isWorkingDay").GetBoolean();

    /// <summary>Reads the shared database directly, as neither process.</summary>
    private async Task<T> Stored<T>(Func<DtiDbContext, Task<T>> query)
    {
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, provider, _database.ConnectionString);
        await using var db = new DtiDbContext(builder.Options);
        return await query(db);
    }

    [GeneratedRegex("dti_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")]
    private static partial Regex ApiKey();
}
