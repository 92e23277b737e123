using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.Reports;
using Dti.Api.Tests.SelfAssessments;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: a report submitted through the API is published by the outbox, fanned out to the
/// subscriptions that may receive it, and posted signed to a receiver on loopback. The background loops are off:
/// each test runs the outbox and webhook passes itself, so every step is observable.
/// </summary>
public sealed class WebhookTests(DatabaseProvider provider) : ReportFixture(provider)
{
    private static readonly object Filled = Content(("7", 1m, 1m));

    private readonly ProvinceCertificate _certificate = new();

    private LoopbackReceiver _receiver = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(_certificate.Settings)
    {
        ["Outbox:DispatchInBackground"] = "false",
        ["Webhooks:DispatchInBackground"] = "false",
        ["Webhooks:AllowedHttpHosts:0"] = "127.0.0.1",
        ["Webhooks:RetryDelay"] = "00:00:00",
        ["Webhooks:MaxAttempts"] = "20",
        ["Webhooks:PauseAfterFailures"] = "10",
        ["Webhooks:DisableAfterFailures"] = "10",
    };

    /// <summary>Events of the fixture's own set-up (the plan issued) are fanned out before any test subscribes.</summary>
    [SetUp]
    public async Task StartReceiver()
    {
        await DeliverAllAsync();
        _receiver = await LoopbackReceiver.StartAsync();
    }

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    [OneTimeTearDown]
    public void DeleteCertificate() => _certificate.Dispose();

    [Test]
    public async Task ASubmittedReportArrivesSignedAndTheSignatureVerifiesWithTheSecret()
    {
        var (webhook, secret) = await Subscribe(IctReporter, ["report.submitted"]);

        var report = await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync();

        var received = _receiver.Received.Single();
        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.That((received.Type, root.GetProperty("type").GetString()), Is.EqualTo(("report.submitted", "report.submitted")));
        Assert.That(root.GetProperty("id").GetString(), Is.EqualTo(received.Id));
        Assert.That(root.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo($"/api/v1/reports/{report.Id}"));
        Assert.That(root.GetProperty("data").GetProperty("agencyId").GetGuid(), Is.EqualTo(Ict));
        Assert.That(Verifies(received, secret), Is.True, $"the signature {received.Signature} verifies with the secret");
        Assert.That(Verifies(received, "whsec_" + new string('0', 64)), Is.False, "and with no other secret");

        var log = await ReadJson(await IctReporter.GetAsync($"/api/v1/webhooks/{webhook}/deliveries"));
        var delivery = log.GetProperty("items").EnumerateArray().Single();
        Assert.That(delivery.GetProperty("status").GetString(), Is.EqualTo("Delivered"));
        Assert.That(delivery.GetProperty("eventId").GetString(), Is.EqualTo(received.Id));
        Assert.That(delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()), Is.EqualTo(new[] { 200 }));
    }

    [Test]
    public async Task AFailedAttemptIsRetriedAndTheEventDeliveredOnceWithTheSameId()
    {
        var (webhook, _) = await Subscribe(Reviewer, ["report.submitted"]);
        _receiver.AnswerNext(500);

        await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync();

        var received = _receiver.Received.ToList();
        Assert.That(received, Has.Count.EqualTo(2), "one failed attempt, one retry");
        Assert.That(received[1].Id, Is.EqualTo(received[0].Id), "the retry carries the same event id");
        var delivery = (await ReadJson(await Reviewer.GetAsync($"/api/v1/webhooks/{webhook}/deliveries"))).GetProperty("items").EnumerateArray().Single();
        Assert.That(delivery.GetProperty("status").GetString(), Is.EqualTo("Delivered"));
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.That(attempts.Select(a => (a.GetProperty("number").GetInt32(), a.GetProperty("statusCode").GetInt32())), Is.EqualTo(new[] { (1, 500), (2, 200) }));
        Assert.That(attempts[0].GetProperty("error").GetString(), Does.Contain("500"));
        var subscription = await ReadJson(await Reviewer.GetAsync($"/api/v1/webhooks/{webhook}"));
        Assert.That(subscription.GetProperty("consecutiveFailures").GetInt32(), Is.Zero, "a success closes the circuit");

        // The outbox publishing the same event again queues nothing new.
        await InDatabase(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        await DeliverAllAsync();
        Assert.That(_receiver.Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ARolledBackChangeSendsNothing()
    {
        await Subscribe(Client, ["plan.issued"]);
        var draft = (await Client.CreatePlan(ApiRequests.PlanBody(Province, "171/KH-UBND"))).GetProperty("id").GetGuid();

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Plans.SingleAsync(p => p.Id == draft)).Issue(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await DeliverAllAsync();
        Assert.That(_receiver.Received, Is.Empty);
        Assert.That(await InDatabase(db => db.WebhookDeliveries.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AReporterOfAnotherAgencyGetsNothingOfAnAgencyNotItsOwn()
    {
        await using var coordinatorReceiver = await LoopbackReceiver.StartAsync();
        var policeReporter = await ReporterOf(Police);
        var (police, _) = await Subscribe(policeReporter, ["report.submitted", "report.accepted"]);
        await Subscribe(Reviewer, ["report.submitted"], coordinatorReceiver.Url);

        await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync();

        Assert.That(coordinatorReceiver.Received, Has.Count.EqualTo(1), "the event was fanned out");
        Assert.That(_receiver.Received, Is.Empty, "but not to another agency's reporter");
        Assert.That(await InDatabase(db => db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == police)), Is.Zero);
        Assert.That((await policeReporter.GetAsync($"/api/v1/webhooks/{police}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await IctReporter.GetAsync($"/api/v1/webhooks/{police}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another client's subscription is not there");
        var all = await ReadJson(await Reviewer.GetAsync("/api/v1/webhooks"));
        Assert.That(all.GetProperty("totalCount").GetInt32(), Is.EqualTo(2), "the coordinator sees every client's");
    }

    [TestCase("https://", "url")]
    [TestCase("http://hooks.example.gov.vn/dti", "url")]
    [TestCase("http://localhost/hooks", "url")]
    [TestCase("ftp://127.0.0.1/hooks", "url")]
    [TestCase("https://user:pass@hooks.example.gov.vn/dti", "url")]
    public async Task AUrlThatIsNotHttpsOrAnAllowedHttpHostIsRefused(string url, string field)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "report.submitted" } });
        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, field);
    }

    [Test]
    public async Task AnUnknownEventTypeIsRefusedNamingIt()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.gov.vn/dti", eventTypes = new[] { "report.submitted", "report.lost" } });
        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "eventTypes[1]");
    }

    [Test]
    public async Task RotatingTheSecretChangesTheSignature()
    {
        var (webhook, old) = await Subscribe(IctReporter, ["report.submitted"]);
        var rotated = await IctReporter.SendCurrent(HttpMethod.Post, $"/api/v1/webhooks/{webhook}/rotate-secret", resource: $"/api/v1/webhooks/{webhook}");
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rotated.Content.ReadAsStringAsync());
        var secret = (await ReadJson(rotated)).GetProperty("secret").GetString()!;

        await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync();

        var received = _receiver.Received.Single();
        Assert.That((Verifies(received, secret), Verifies(received, old)), Is.EqualTo((true, false)));
        Assert.That(secret, Is.Not.EqualTo(old));
    }

    [Test]
    public async Task AReaderReceivesAcceptedReportsOnly()
    {
        var reader = await ClockedClient(ClientRole.Reader);
        await Subscribe(reader, ["report.submitted", "report.accepted"]);

        var report = await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await Expect(await Act(Reviewer, report, "accept"));
        await DeliverAllAsync();

        Assert.That(_receiver.Received.Select(r => r.Type), Is.EqualTo(new[] { "report.accepted" }));
    }

    [Test]
    public async Task AnEndpointFailingTooOftenIsDisabledWithAReasonItsClientSees()
    {
        var (webhook, _) = await Subscribe(Reviewer, ["report.submitted"]);
        _receiver.AnswerNext(503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);

        await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync();

        var subscription = await ReadJson(await Reviewer.GetAsync($"/api/v1/webhooks/{webhook}"));
        Assert.That(subscription.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(subscription.GetProperty("disabledReason").GetString(), Does.Contain("10 consecutive failed attempts").And.Contain("503"));
        Assert.That(_receiver.Received, Has.Count.EqualTo(10), "nothing is sent once it is disabled");

        // Activating it again retries the pending delivery.
        var body = new { url = _receiver.Url, eventTypes = new[] { "report.submitted" }, active = true };
        var activated = await Reviewer.SendCurrent(HttpMethod.Put, $"/api/v1/webhooks/{webhook}", body);
        Assert.That(activated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await activated.Content.ReadAsStringAsync());
        await DeliverAllAsync();
        Assert.That(_receiver.Received, Has.Count.EqualTo(13), "two more refusals, then delivered");
    }

    [Test]
    public async Task ADeliveryCanBeSentAgainWithTheSameId()
    {
        var (webhook, _) = await Subscribe(Reviewer, ["report.submitted"]);
        await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync();
        var delivery = (await ReadJson(await Reviewer.GetAsync($"/api/v1/webhooks/{webhook}/deliveries"))).GetProperty("items")[0].GetProperty("id").GetGuid();

        var again = await Reviewer.SendCurrent(HttpMethod.Post, $"/api/v1/webhooks/{webhook}/deliveries/{delivery}/redeliver", resource: $"/api/v1/webhooks/{webhook}");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        await DeliverAllAsync();

        var received = _receiver.Received.ToList();
        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received[1].Id, Is.EqualTo(received[0].Id));
    }

    [Test]
    public async Task ARedirectToAnotherHostIsNotFollowed()
    {
        // The same machine under another name: were the redirect followed, this receiver would get the event.
        var elsewhere = new UriBuilder(_receiver.Url) { Host = "localhost" }.Uri.ToString();
        await using var redirecting = await LoopbackReceiver.StartAsync();
        redirecting.RedirectTo = elsewhere;
        var (webhook, _) = await Subscribe(Reviewer, ["report.submitted"], redirecting.Url);

        await Submitted(IctReporter, Ict, Filled, VietnamTime(2023, 12, 22, 9));
        await DeliverAllAsync(passes: 1);

        Assert.That(redirecting.Received, Has.Count.EqualTo(1));
        Assert.That(_receiver.Received, Is.Empty, "the redirect to another host was not followed");
        var delivery = (await ReadJson(await Reviewer.GetAsync($"/api/v1/webhooks/{webhook}/deliveries"))).GetProperty("items").EnumerateArray().Single();
        Assert.That(delivery.GetProperty("status").GetString(), Is.EqualTo("Pending"), "a 3xx is a failed attempt, retried later");
        var attempt = delivery.GetProperty("attempts").EnumerateArray().Single();
        Assert.That(attempt.GetProperty("statusCode").GetInt32(), Is.EqualTo(307));
    }

    [Test]
    public async Task AFinalisedSelfAssessmentReachesTheMinistryAsTwoEventsAndNoReader()
    {
        await using var readerReceiver = await LoopbackReceiver.StartAsync();
        var ministry = await ClockedClient(ClientRole.Ministry);
        var reader = await ClockedClient(ClientRole.Reader);
        await Subscribe(ministry, ["self-assessment.finalised", "snapshot.published"]);
        await Subscribe(reader, ["self-assessment.finalised", "snapshot.published"], readerReceiver.Url);

        var rule = await RuleId(ReferenceDeadlineRules.QuangBinhSelfAssessmentName);
        var opened = await Expect(await Reviewer.PostAsJsonAsync("/api/v1/self-assessments", new { assessmentYear = 2023, deadlineRuleId = rule }), HttpStatusCode.Created);
        await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, "/api/v1/self-assessments/2023/finalise", null, opened.ETag));
        await DeliverAllAsync();

        var received = _receiver.Received.OrderBy(r => r.Type, StringComparer.Ordinal).ToList();
        Assert.That(received.Select(r => r.Type), Is.EqualTo(new[] { "self-assessment.finalised", "snapshot.published" }));
        Assert.That(received[1].Id, Is.Not.EqualTo(received[0].Id), "two events, two ids");
        using var finalised = JsonDocument.Parse(received[0].Body);
        using var published = JsonDocument.Parse(received[1].Body);
        var sha256 = (await ReadJson(await ministry.GetAsync("/api/v1/self-assessments/2023/snapshots"))).GetProperty("items")[0].GetProperty("sha256").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(finalised.RootElement.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo("/api/v1/self-assessments/2023"));
            Assert.That(finalised.RootElement.GetProperty("data").GetProperty("snapshotUrl").GetString(), Is.EqualTo("/api/v1/self-assessments/2023/snapshots/1"));
            Assert.That(published.RootElement.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo("/api/v1/self-assessments/2023/snapshots/1"));
            Assert.That(published.RootElement.GetProperty("data").GetProperty("sha256").GetString(), Is.EqualTo(sha256));
            Assert.That(published.RootElement.GetProperty("data").GetProperty("revision").GetInt32(), Is.EqualTo(1));
        });
        Assert.That(readerReceiver.Received, Is.Empty, "a reader cannot pull snapshots, so it is not told of them");

        // Published again by the outbox, the event queues nothing new: the snapshot's id is the same every time.
        await InDatabase(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        await DeliverAllAsync();
        Assert.That(_receiver.Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AnImportThatChangesFiguresIsToldOnceAndOneThatChangesNothingIsNot()
    {
        var reader = await ClockedClient(ClientRole.Reader);
        await Subscribe(reader, ["official-results.imported"]);
        const string csv = "year,fieldSize,province,kind,code,value,rank,origin,source\n2023,63,QUANG-BINH,Dti,,0.6120,40,Published,test\n2022,63,QUANG-BINH,Dti,,0.5000,41,Published,test\n";

        foreach (var _ in new[] { 1, 2 })
        {
            var imported = await Client.PostAsync("/api/v1/official-results/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        }

        await DeliverAllAsync();

        var received = _receiver.Received.Single();
        using var body = JsonDocument.Parse(received.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.That(received.Type, Is.EqualTo("official-results.imported"));
        Assert.That(data.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()), Is.EqualTo(new[] { 2022, 2023 }));
        Assert.That(data.GetProperty("added").GetInt32() + data.GetProperty("updated").GetInt32(), Is.EqualTo(2), "both rows stored by the first import");
        Assert.That(body.RootElement.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo("/api/v1/official-results/2023"));
    }

    /// <summary>Subscribes as <paramref name="client"/> to the receiver; returns the subscription's id and secret.</summary>
    private async Task<(Guid Id, string Secret)> Subscribe(HttpClient client, string[] eventTypes, string? url = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = url ?? _receiver.Url, eventTypes, description = "Hệ thống điều hành" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var json = await ReadJson(response);
        return (json.GetProperty("webhook").GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!);
    }

    private Task DeliverAllAsync(int passes = 30) => WebhookPasses.DeliverAllAsync(Factory.Services, passes);

    /// <summary>Checks a signature as docs/webhooks.md tells receivers to: HMAC-SHA256 of "t.body" with the secret.</summary>
    private static bool Verifies(ReceivedWebhook received, string secret)
    {
        var parts = received.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{received.Body}"));
        return long.Parse(parts["t"], CultureInfo.InvariantCulture) > 0
            && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }
}
