using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Calendar;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Outbox;

/// <summary>
/// Domain events go to the outbox in the transaction of their change, and the dispatcher publishes each once.
/// The background loop is off here: the tests run dispatch passes themselves, on two application instances
/// (separate hosts, service providers and connections) that share the fixture's database.
/// </summary>
public sealed class OutboxTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const int BatchSize = 5;
    private const int MaxAttempts = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(10); // far beyond a slow machine's pause between two steps: the clock runs in real time
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    private readonly RecordedScheduleEvents _recorded = new();
    private readonly ShiftedClock _clock = new();
    private WebApplicationFactory<Program> _first = null!;
    private WebApplicationFactory<Program> _second = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:DispatchInBackground"] = "false",
        ["Outbox:BatchSize"] = $"{BatchSize}",
        ["Outbox:MaxAttempts"] = $"{MaxAttempts}",
        ["Outbox:RetryDelay"] = RetryDelay.ToString(),
        ["Outbox:MaxRetryDelay"] = MaxRetryDelay.ToString(),
    };

    [OneTimeSetUp]
    public void StartInstances()
    {
        _first = Factory.WithRecordedScheduleEvents(_recorded, _clock);
        _second = Factory.WithRecordedScheduleEvents(_recorded, _clock);
    }

    [OneTimeTearDown]
    public async Task StopInstances()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    /// <summary>Each reset loads reference data, which raises events of its own; they are dispatched first.</summary>
    [SetUp]
    public async Task DispatchReferenceDataEvents()
    {
        _recorded.Clear();
        await _first.Dispatcher().DispatchAllAsync();
        _recorded.Clear();
    }

    [Test]
    public async Task AChangeStoresItsEventInTheOutboxInTheSameSave()
    {
        await PutSchedule2027();

        var message = await InDatabase(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ProcessedAt == null));
        Assert.That(message.Type, Is.EqualTo(nameof(OfficialScheduleReplaced)));
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.That(payload.RootElement.GetProperty("year").GetInt32(), Is.EqualTo(2027));
        Assert.That(payload.RootElement.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(payload.RootElement.GetProperty("dayCount").GetInt32(), Is.EqualTo(1));
        Assert.That((message.Attempts, message.ClaimedBy, message.AvailableAt), Is.EqualTo((0, (string?)null, message.OccurredAt)));
        var scheduleId = payload.RootElement.GetProperty("scheduleId").GetGuid().ToString();
        Assert.That(await InDatabase(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(OfficialSchedule) && a.EntityId == scheduleId)), Is.EqualTo(1),
            "the change is audited as before");
        Assert.That(await InDatabase(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OutboxMessage))), Is.False, "the outbox row is not audited as a change of its own");
    }

    [Test]
    public async Task EachChangeThatMattersToOthersStoresItsEvent()
    {
        var earlier = await InDatabase(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị");
        var ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        var home = await Client.CreateAgencyId("000.00.32.H50", "Sở Nội vụ");
        var plan = (await Client.CreatePlan(ApiRequests.PlanBody(province))).GetProperty("id").GetGuid();
        var assignment = (await Client.CreateAssignment(plan, new { indexCode = "7", leadAgencyId = ict })).GetProperty("id").GetGuid();
        var task = (await Client.CreateTask(plan, new { title = "Trung tâm Tích hợp dữ liệu", leadAgencyId = ict, dueDate = "2023-11-30", indexCodes = new[] { "7" } })).GetProperty("id").GetGuid();
        var rule = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12", name = "Báo cáo năm" });
        var schedule = await Client.GetAsync("/api/v1/calendar/years/2026/official-schedule");

        var responses = new[]
        {
            await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/assignments/{assignment}/reassign", new { leadAgencyId = home, reason = "Sở Nội vụ chủ trì" }, $"/api/v1/plans/{plan}/assignments/{assignment}"),
            await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/issue", resource: $"/api/v1/plans/{plan}"),
            await Client.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks/{task}/progress", new { status = "InProgress", percent = 40 }),
            await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/close", resource: $"/api/v1/plans/{plan}"),
            await Client.SendWithIfMatch(HttpMethod.Put, rule.Headers.Location!.ToString(), new { text = "annually no later than 20/12", name = "Báo cáo năm" }, rule.Headers.ETag!.ToString()),
            await Client.SendWithIfMatch(HttpMethod.Delete, "/api/v1/calendar/years/2026/official-schedule", null, schedule.Headers.ETag!.ToString()),
        };

        foreach (var response in responses)
        {
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        }

        var stored = await InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => !earlier.Contains(m.Id)).OrderBy(m => m.OccurredAt)
            .Select(m => new { m.Type, m.ProcessedAt }).ToListAsync());
        Assert.That(stored.Select(m => m.Type), Is.EqualTo(new[]
        {
            "IndexAssignmentCreated", "DeadlineRuleCreated",
            "IndexAssignmentReassigned", "PlanIssued", "TaskProgressRecorded", "PlanClosed", "DeadlineRuleChanged", "OfficialScheduleDeleted",
        }));
        Assert.That(stored.Where(m => m.ProcessedAt == null).Select(m => m.Type), Is.EqualTo(new[] { "PlanIssued", "OfficialScheduleDeleted" }),
            "waiting to be published: the events a handler consumes (webhooks, the calendar cache); the others are stored processed");
    }

    [Test]
    public async Task ARolledBackChangeLeavesNoOutboxRow()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var schedule = await db.OfficialSchedules.Include(s => s.Days).SingleAsync(s => s.Year == 2026);
            schedule.Replace([.. schedule.Entries(), new(new DateOnly(2026, 4, 29), ScheduleDayKind.DayOff, "ngày nghỉ thử")], DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();

            Assert.That(await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null), Is.EqualTo(1), "the event is written inside the change's transaction");
            await transaction.RollbackAsync();
        }

        Assert.That(await InDatabase(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null)), Is.Zero);
        var day = await ReadJson(await Client.GetAsync("/api/v1/calendar/days/2026-04-29"));
        Assert.That(day.GetProperty("isWorkingDay").GetBoolean(), Is.True, "the change itself was rolled back too");
    }

    [Test]
    public async Task ASaveThatLosesAConcurrencyRaceStoresNoEvent()
    {
        await using var firstScope = Factory.Services.CreateAsyncScope();
        await using var secondScope = Factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var mine = await first.OfficialSchedules.Include(s => s.Days).SingleAsync(s => s.Year == 2026);
        var theirs = await second.OfficialSchedules.Include(s => s.Days).SingleAsync(s => s.Year == 2026);
        mine.Replace([.. mine.Entries().Take(3)], DateTimeOffset.UtcNow);
        theirs.Replace([.. theirs.Entries().Skip(3).Take(4)], DateTimeOffset.UtcNow);

        await first.SaveChangesAsync();
        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var stored = await InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null).Select(m => m.Payload).ToListAsync());
        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(JsonDocument.Parse(stored[0]).RootElement.GetProperty("dayCount").GetInt32(), Is.EqualTo(3), "only the winner's event");
    }

    [Test]
    public async Task TheDispatcherPublishesEachEventOnceAndMarksItProcessed()
    {
        await PutSchedule2027();

        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(await _second.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.Zero, "nothing left for another instance");
        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.Zero);

        var message = await Message2027();
        Assert.That(_recorded.Deliveries, Is.EqualTo(new[] { new RecordedScheduleEvents.Delivery(message.Id, 2027, Failed: false) }));
        Assert.That(message.ProcessedAt, Is.Not.Null);
        Assert.That(message.Attempts, Is.EqualTo(1));
        Assert.That(message.ClaimedBy, Does.StartWith($"{Environment.MachineName}/{Environment.ProcessId}/"));
        Assert.That(message.LastError, Is.Null);
    }

    [Test]
    public async Task AnEventNoHandlerConsumesIsStoredProcessedAndNoPassTakesIt()
    {
        var ruleId = await CreateRule();
        await PutSchedule2027();

        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(1), "only the consumed event is taken");
        Assert.That(await _second.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.Zero, "nothing left for another instance");

        var created = await RuleCreatedMessage(ruleId);
        Assert.That((created.ProcessedAt, created.Attempts, created.ClaimedBy, created.LastError), Is.EqualTo((created.OccurredAt, 0, (string?)null, (string?)null)),
            "stored for the record, processed as it was stored, never claimed");
        var replaced = await Message2027();
        Assert.That(_recorded.Deliveries.Select(d => d.MessageId), Is.EqualTo(new[] { replaced.Id }), "only the consumed event reached a handler");
    }

    /// <summary>A version that published every event left such a message unprocessed: the pass that takes it marks it in the same statement.</summary>
    [Test]
    public async Task AnUnprocessedEventNoHandlerConsumesIsMarkedProcessedAsItIsTaken()
    {
        var ruleId = await CreateRule();
        await InDatabase(db => db.OutboxMessages.Where(m => m.Type == "DeadlineRuleCreated" && m.Payload.Contains(ruleId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        await PutSchedule2027();

        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(2), "both taken in one pass");
        Assert.That(await _second.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.Zero, "nothing left for another instance");

        var created = await RuleCreatedMessage(ruleId);
        var replaced = await Message2027();
        Assert.That((created.ProcessedAt is not null, created.Attempts, created.LastError), Is.EqualTo((true, 1, (string?)null)));
        Assert.That(created.ClaimedBy, Is.EqualTo(replaced.ClaimedBy), "taken by the same pass");
        Assert.That(created.AvailableAt, Is.LessThanOrEqualTo(created.ProcessedAt!.Value), "done as it was taken, never held for the claim's duration");
        Assert.That(replaced.AvailableAt, Is.GreaterThan(replaced.ProcessedAt!.Value), "a published event is held by the claim while its handlers run");
        Assert.That(_recorded.Deliveries.Select(d => d.MessageId), Is.EqualTo(new[] { replaced.Id }), "only the consumed event reached a handler");
    }

    private async Task<string> CreateRule()
    {
        var rule = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12", name = "Báo cáo năm" });
        Assert.That(rule.IsSuccessStatusCode, Is.True, await rule.Content.ReadAsStringAsync());
        return (await ReadJson(rule)).GetProperty("id").GetGuid().ToString();
    }

    private Task<OutboxMessage> RuleCreatedMessage(string ruleId) =>
        InDatabase(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Type == "DeadlineRuleCreated" && m.Payload.Contains(ruleId)));

    [Test]
    public async Task AFailingHandlerIsRetriedAfterItsBackOffAndItsErrorIsKept()
    {
        _recorded.FailNext(1);
        await PutSchedule2027();

        var before = _clock.GetUtcNow();
        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(1));
        var after = _clock.GetUtcNow();
        var failed = await Message2027();
        Assert.That(failed.ProcessedAt, Is.Null);
        Assert.That(failed.Attempts, Is.EqualTo(1));
        Assert.That(failed.LastError, Is.EqualTo($"System.InvalidOperationException: {RecordedScheduleEvents.FailureMessage}"));
        Assert.That(failed.AvailableAt, Is.InRange(before + RetryDelay - TimeSpan.FromMilliseconds(1), after + RetryDelay));

        Assert.That(await _second.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.Zero, "held back until its back-off has passed");
        _clock.Advance(RetryDelay);
        Assert.That(await _second.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(1));

        var done = await Message2027();
        Assert.That(done.ProcessedAt, Is.Not.Null);
        Assert.That(done.Attempts, Is.EqualTo(2));
        Assert.That(_recorded.Deliveries.Select(d => (d.MessageId, d.Failed)), Is.EqualTo(new[] { (done.Id, true), (done.Id, false) }));
    }

    [Test]
    public async Task AnEventWhoseHandlerKeepsFailingIsLeftWithItsErrorAfterTheLastAttempt()
    {
        _recorded.FailNext(int.MaxValue);
        await PutSchedule2027();

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(1), $"attempt {attempt}");
            _clock.Advance(MaxRetryDelay);
        }

        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.Zero, "no attempt after the last");
        var message = await Message2027();
        Assert.That((message.ProcessedAt, message.Attempts), Is.EqualTo(((DateTimeOffset?)null, MaxAttempts)));
        Assert.That(message.LastError, Does.Contain(RecordedScheduleEvents.FailureMessage));
        Assert.That(_recorded.Deliveries, Has.Count.EqualTo(MaxAttempts).And.All.Property(nameof(RecordedScheduleEvents.Delivery.Failed)).True);
    }

    [Test]
    public async Task AMessageOfAnUnknownTypeIsRecordedAsAFailure()
    {
        var id = await InDatabase(async db =>
        {
            var message = OutboxMessage.Create("NoSuchEvent", "{}", _clock.GetUtcNow());
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        Assert.That(await _first.Dispatcher().DispatchOnceAsync(CancellationToken.None), Is.EqualTo(1));

        var stored = await InDatabase(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.That(stored.ProcessedAt, Is.Null);
        Assert.That(stored.LastError, Is.EqualTo("System.InvalidOperationException: No domain event is named 'NoSuchEvent'."));
    }

    [Test]
    public async Task TwoInstancesRacingOverTheSameEventsTakeEachExactlyOnce()
    {
        const int count = 60;
        await InDatabase(async db =>
        {
            foreach (var year in Enumerable.Range(2030, count))
            {
                db.OfficialSchedules.Add(OfficialSchedule.Create(year, [new(new DateOnly(year, 1, 1), ScheduleDayKind.DayOff, "Tết Dương lịch")], DateTimeOffset.UtcNow));
            }

            return await db.SaveChangesAsync();
        });

        // Four loops, two per instance, each pass on its own scope and connection, until nothing is left.
        await Task.WhenAll(new[] { _first, _second, _first, _second }.Select(app => Task.Run(() => app.Dispatcher().DispatchAllAsync())));

        var handled = _recorded.Handled;
        Assert.That(handled.Select(d => d.Year).Order(), Is.EqualTo(Enumerable.Range(2030, count)));
        Assert.That(handled.Select(d => d.MessageId).Distinct().Count(), Is.EqualTo(count), "no event handled twice");
        var stored = await InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type == nameof(OfficialScheduleReplaced))
            .Select(m => new { m.ProcessedAt, m.Attempts, m.ClaimedBy }).ToListAsync());
        Assert.That(stored.Where(m => m.ProcessedAt == null), Is.Empty);
        Assert.That(stored.Select(m => m.Attempts).Distinct(), Is.EqualTo(new[] { 1 }), "each message was taken once");
        Assert.That(stored.Select(m => m.ClaimedBy).Distinct().Count(), Is.GreaterThanOrEqualTo(count / BatchSize), "taken in batches of at most five");
    }

    private async Task PutSchedule2027()
    {
        const string uri = "/api/v1/calendar/years/2027/official-schedule";
        var body = new { entries = new[] { new { date = "2027-03-01", kind = "DayOff", reason = "Ngày nghỉ thử nghiệm" } } };
        var current = await Client.GetAsync(uri);
        var response = current.Headers.ETag is { } etag
            ? await Client.SendWithIfMatch(HttpMethod.Put, uri, body, etag.ToString())
            : await Client.PutNew(uri, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private Task<OutboxMessage> Message2027() => InDatabase(db => db.OutboxMessages.AsNoTracking()
        .SingleAsync(m => m.Type == nameof(OfficialScheduleReplaced) && m.Payload.Contains("\"year\":2027")));

    [Test]
    public async Task ProcessedMessagesAreDeletedAfterTheRetentionAndUnprocessedOnesAreKept()
    {
        var put = await Client.PutNew("/api/v1/calendar/years/2035/official-schedule",
            new { entries = new[] { new { date = "2035-01-02", kind = "DayOff", reason = "Nghỉ bù" } } });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _first.Dispatcher().DispatchAllAsync();
        await Client.SendCurrent(HttpMethod.Delete, "/api/v1/calendar/years/2035/official-schedule");
        var counts = () => InDatabase(async db => (
            Processed: await db.OutboxMessages.CountAsync(m => m.ProcessedAt != null),
            Waiting: await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null)));
        var before = await counts();

        var keptInsideRetention = await _first.Dispatcher().PurgeProcessedAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var purged = await _first.Dispatcher().PurgeProcessedAsync(CancellationToken.None);

        Assert.That(before.Processed, Is.GreaterThan(0));
        Assert.That((keptInsideRetention, purged, await counts()), Is.EqualTo((0, before.Processed, (0, before.Waiting))));
    }
}
