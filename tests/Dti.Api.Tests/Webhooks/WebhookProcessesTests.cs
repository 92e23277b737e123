using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Webhooks;

/// <summary>
/// Webhooks from the built API running as real processes on one PostgreSQL database (the only provider several
/// instances share), posting to a receiver on loopback: a process killed in the middle of deliveries, and two processes
/// dispatching at once. The events are official-results imports made through HTTP, each revising one figure.
/// </summary>
[TestFixture]
public sealed partial class WebhookProcessesTests
{
    private TestDatabase _database = null!;
    private string _apiKey = null!;
    private LoopbackReceiver _receiver = null!;

    [SetUp]
    public async Task CreateDatabaseKeyAndReceiver()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var run = await ApiProcess.RunAsync(Settings(), "create-client", "--name", "Webhook processes", "--role", "Coordinator");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        _apiKey = ApiKey().Match(run.Output).Value;
        _receiver = await LoopbackReceiver.StartAsync();
    }

    [TearDown]
    public async Task DropDatabaseAndStopReceiver()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task AProcessKilledMidDeliveryLosesNoEventAndANewProcessSendsEachWithItsId()
    {
        const int events = 30;
        _receiver.Delay = TimeSpan.FromMilliseconds(700);

        // One delivery per pass, so a claim (3 s) always outlives the attempt it covers (at most 2 s). The outbox's claims
        // are short too: an outbox pass the kill cuts off leaves its events to the new process once they run out (5 minutes
        // by default, longer than this test waits).
        var settings = Settings(
            ("Webhooks__BatchSize", "1"), ("Webhooks__AttemptTimeout", "00:00:02"), ("Webhooks__ClaimDuration", "00:00:03"), ("Outbox__ClaimDuration", "00:00:05"));
        var first = await ApiProcess.StartAsync(settings);
        using (var client = first.CreateClient(_apiKey))
        {
            await Subscribe(client, "only");
            for (var i = 1; i <= events; i++)
            {
                await Import(client, i);
            }

            var refused = await client.PostAsync("/api/v1/official-results/import", Csv("2023,63,QUANG-BINH,Dti,,1.5,40,Published,refused\n"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "an import that fails validation stores nothing");
            await Eventually.HoldsAsync(() => Task.FromResult(!_receiver.Received.IsEmpty), "a first delivery arrived");
        }

        // Process.Kill: no graceful shutdown, the delivery being posted is cut off.
        await first.DisposeAsync();
        HashSet<string> arrivedBefore = [.. _receiver.Received.Select(r => r.Id)];
        HashSet<Guid> queuedBefore = [.. await Stored(db => db.WebhookDeliveries.Select(d => d.EventId).ToListAsync())];
        var pending = await Stored(db => db.WebhookDeliveries.CountAsync(d => d.DeliveredAt == null));
        var unpublished = await Stored(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
        Assert.That(pending + unpublished, Is.GreaterThan(0), "the process was killed with deliveries still to make");

        await using var second = await ApiProcess.StartAsync(settings);
        await Eventually.HoldsAsync(
            async () => await Stored(async db => await db.WebhookDeliveries.CountAsync(d => d.DeliveredAt != null) == events),
            "every event delivered by the new process");

        var stored = await Stored(db => db.OutboxMessages.Where(m => m.Type == "OfficialResultsImported").Select(m => m.Id.ToString()).ToListAsync());
        var received = _receiver.Received.ToList();
        Assert.That(stored, Has.Count.EqualTo(events), "one event per import that changed figures, none for the refused one");
        Assert.That(received.Select(r => r.Id).Distinct(), Is.EquivalentTo(stored), "every event arrived, under the id it was stored with");
        Assert.That(arrivedBefore, Is.SubsetOf(stored), "what arrived before the kill kept its id");
        Assert.That(queuedBefore.Select(id => id.ToString()), Is.SubsetOf(stored), "what was queued before the kill kept its id");
        Assert.That(received.All(r => r.Body.Contains($"\"id\":\"{r.Id}\"", StringComparison.Ordinal)), Is.True, "the body carries the header's id");
        await TestContext.Out.WriteLineAsync(
            $"killed after {arrivedBefore.Count} of {events} had arrived; {received.Count} requests in all, {received.Count - events} of them repeats");
    }

    /// <summary>
    /// Twenty subscriptions on one receiver, ten imports: 200 deliveries queued while the subscriptions are paused, then
    /// released at once to <paramref name="processes"/> processes. Each is attempted once; the rate is printed beside
    /// the same bodies posted one after the other from one HttpClient (docs/benchmarks.md).
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    public async Task EachDeliveryIsAttemptedOnceHoweverManyProcessesDispatch(int processes)
    {
        const int subscriptions = 20;
        const int imports = 10;
        var settings = Settings(("Webhooks__PollInterval", "00:00:00.050"), ("Webhooks__BatchSize", "5"));
        var apis = new List<ApiProcess>();
        try
        {
            for (var p = 0; p < processes; p++)
            {
                apis.Add(await ApiProcess.StartAsync(settings));
            }

            var clients = apis.Select(a => a.CreateClient(_apiKey)).ToList();
            for (var s = 0; s < subscriptions; s++)
            {
                await Subscribe(clients[s % processes], s.ToString(CultureInfo.InvariantCulture));
            }

            // Held back until every delivery is queued, so that the processes race over a full queue.
            await Stored(db => db.WebhookSubscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.PausedUntil, DateTimeOffset.UtcNow.AddHours(1))));
            for (var i = 1; i <= imports; i++)
            {
                await Import(clients[i % processes], i);
            }

            await Eventually.HoldsAsync(async () => await Stored(db => db.WebhookDeliveries.CountAsync()) == subscriptions * imports, "every delivery queued");
            var released = DateTimeOffset.UtcNow;
            await Stored(db => db.WebhookSubscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.PausedUntil, (DateTimeOffset?)null)));
            await Eventually.HoldsAsync(
                async () => await Stored(db => db.WebhookDeliveries.CountAsync(d => d.DeliveredAt != null)) == subscriptions * imports, "every delivery made");

            var perDelivery = _receiver.Received.GroupBy(r => (r.Id, r.Query)).Select(g => g.Count()).ToList();
            Assert.That(perDelivery, Has.Count.EqualTo(subscriptions * imports));
            Assert.That(perDelivery.Distinct(), Is.EqualTo(new[] { 1 }), "no delivery was posted twice");
            Assert.That(await Stored(db => db.WebhookAttempts.CountAsync()), Is.EqualTo(subscriptions * imports), "one attempt each in the log");
            var deliveries = await Stored(db => db.WebhookDeliveries.Select(d => new { d.DeliveredAt, d.ClaimedBy, d.Body }).ToListAsync());
            var takenBy = deliveries.GroupBy(d => d.ClaimedBy!.Split('/')[1]).Select(g => $"{g.Key}={g.Count()}");

            var seconds = (deliveries.Max(d => d.DeliveredAt!.Value) - released).TotalSeconds;
            var baseline = await PostOneAfterAnother(deliveries.Select(d => d.Body).ToList());
            var bytes = deliveries.Average(d => Encoding.UTF8.GetByteCount(d.Body));
            var rate = string.Create(CultureInfo.InvariantCulture, $"{deliveries.Count} deliveries of {bytes:0} bytes in {seconds:0.00} s = {deliveries.Count / seconds:0} events/s");
            var raw = string.Create(CultureInfo.InvariantCulture, $"{deliveries.Count / baseline.TotalSeconds:0}/s, ratio {baseline.TotalSeconds / seconds:0.00}");
            await TestContext.Out.WriteLineAsync($"{processes} process(es): {rate}; raw POSTs from one HttpClient {raw}; taken by {string.Join(", ", takenBy)}");
            clients.ForEach(c => c.Dispose());
        }
        finally
        {
            foreach (var api in apis)
            {
                await api.DisposeAsync();
            }
        }
    }

    /// <summary>The baseline: the same bodies posted to the same receiver, one after the other, from one HttpClient.</summary>
    private async Task<TimeSpan> PostOneAfterAnother(IReadOnlyList<string> bodies)
    {
        using var http = new HttpClient();
        var started = Stopwatch.GetTimestamp();
        foreach (var body in bodies)
        {
            using var response = await http.PostAsync(_receiver.Url, new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private async Task Subscribe(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = $"{_receiver.Url}?s={name}", eventTypes = new[] { "official-results.imported" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Revises Quảng Bình's DTI 2023: a new value and source each time, so each import changes a figure and raises one event.</summary>
    private static async Task Import(HttpClient client, int revision)
    {
        var row = string.Create(CultureInfo.InvariantCulture, $"2023,63,QUANG-BINH,Dti,,{0.6m + (revision / 10_000m):0.0000},40,Published,revision {revision}\n");
        var response = await client.PostAsync("/api/v1/official-results/import", Csv(row));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static StringContent Csv(string rows) => new("year,fieldSize,province,kind,code,value,rank,origin,source\n" + rows, Encoding.UTF8, "text/csv");

    private Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings__Dti"] = _database.ConnectionString,
            ["Auth__BootstrapCoordinator"] = "false",
            ["Outbox__PollInterval"] = "00:00:00.100",
            ["Webhooks__PollInterval"] = "00:00:00.100",
            ["Webhooks__AllowedHttpHosts__0"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Reads or writes the shared database directly, as neither process.</summary>
    private async Task<T> Stored<T>(Func<DtiDbContext, Task<T>> query)
    {
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Postgres, _database.ConnectionString);
        await using var db = new DtiDbContext(builder.Options);
        return await query(db);
    }

    [GeneratedRegex("dti_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")]
    private static partial Regex ApiKey();
}
