using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.Reports;
using Dti.Api.Tests.Webhooks;
using Dti.Domain.Reminders;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Reminders;

/// <summary>
/// Reminders on the 2026 working calendar: plan 05/KH-UBND for 2026, Sở TT&amp;TT leading index 1 and reporting by the
/// reference quarterly rule ("before the 25th of the quarter's last month": Q3/2026 is due Thursday 24/9/2026), and a task
/// due Thursday 3/9/2026. Scans run on the instance whose clock the test sets; the background scan is off. Defaults:
/// due soon 3 working days ahead, escalation after 5 working days late.
/// </summary>
public sealed class ReminderTests(DatabaseProvider provider) : ReportFixture(provider)
{
    private const string Q3 = "2026Q3";

    private LoopbackReceiver _receiver = null!;

    private Guid _plan2026;

    private Guid _task;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:DispatchInBackground"] = "false",
        ["Webhooks:DispatchInBackground"] = "false",
        ["Webhooks:AllowedHttpHosts:0"] = "127.0.0.1",
    };

    [SetUp]
    public async Task CreatePlan2026()
    {
        Clock.Now = VietnamTime(2026, 8, 20, 10);
        _plan2026 = (await Client.CreatePlan(ApiRequests.PlanBody(Province, "05/KH-UBND", 2026))).GetProperty("id").GetGuid();
        await Client.CreateAssignment(_plan2026, new { indexCode = "1", leadAgencyId = Ict });
        _task = (await Client.CreateTask(_plan2026, new { title = "Triển khai nền tảng số dùng chung", leadAgencyId = Ict, dueDate = "2026-09-03" })).GetProperty("id").GetGuid();
        await IssueWithRules(_plan2026, Quarterly);
        await WebhookPasses.DeliverAllAsync(Factory.Services);
        _receiver = await LoopbackReceiver.StartAsync();
    }

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    [Test]
    public async Task AQuarterlyObligationIsDueSoonThreeWorkingDaysBeforeItsDueDayOnce()
    {
        var obligation = (await ReadJson(await Client.GetAsync($"/api/v1/agencies/{Ict}/obligations?from=2026-09-01&to=2026-09-30"))).GetProperty("obligations").EnumerateArray()
            .Single(o => o.GetProperty("periodId").GetString() == Q3);
        Assert.That(obligation.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2026-09-24"), "before 25/9: Thursday 24/9/2026");

        await ScanAt(VietnamTime(2026, 9, 18, 9));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.Empty, "Friday 18/9: 24/9 is four working days away");

        await ScanAt(VietnamTime(2026, 9, 21, 9));
        await ScanAt(VietnamTime(2026, 9, 21, 15));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.EqualTo(new[] { ReminderThreshold.DueSoon }), "Monday 21/9: three working days before, once however many scans");
        Assert.That(await EventsOf(ReminderThreshold.DueSoon), Is.EqualTo(1), "one event in the outbox");
    }

    [Test]
    public async Task OnItsDueDayAnObligationIsDueTodayAndTheDayAfterOverdue()
    {
        await Subscribe(IctReporter, "obligation.due-today", "obligation.overdue");

        await ScanAt(VietnamTime(2026, 9, 24, 8));
        await ScanAt(VietnamTime(2026, 9, 24, 23, 59));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.EqualTo(new[] { ReminderThreshold.DueToday }), "due today, not due soon: the scans never saw it earlier");
        await ScanAt(VietnamTime(2026, 9, 25, 8));
        await ScanAt(VietnamTime(2026, 9, 25, 9));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.EqualTo(new[] { ReminderThreshold.DueToday, ReminderThreshold.Overdue }));

        await WebhookPasses.DeliverAllAsync(Factory.Services);
        Assert.That(_receiver.Received.Select(r => r.Type), Is.EquivalentTo(new[] { "obligation.due-today", "obligation.overdue" }));
        var overdue = Body(_receiver.Received.Single(r => r.Type == "obligation.overdue"));
        Assert.That(overdue.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo($"/api/v1/agencies/{Ict}/obligations?from=2026-09-24&to=2026-09-24"));
        var data = overdue.GetProperty("data");
        Assert.That(
            (data.GetProperty("agencyId").GetGuid(), data.GetProperty("dueAt").GetDateTimeOffset(), data.GetProperty("threshold").GetString(), data.GetProperty("workingDaysLate").GetInt32(), data.GetProperty("periodId").GetString()),
            Is.EqualTo((Ict, new DateTimeOffset(2026, 9, 24, 23, 59, 59, TimeSpan.FromHours(7)).AddTicks(9_999_999), "Overdue", 1, Q3)));
    }

    [Test]
    public async Task AnObligationOverdueByFiveWorkingDaysIsEscalatedToTheCoordinatorNotToTheAgency()
    {
        await using var coordinatorReceiver = await LoopbackReceiver.StartAsync();
        await SubscribeAt(Reviewer, coordinatorReceiver.Url, "obligation.escalated");
        await Subscribe(IctReporter, "obligation.overdue", "obligation.escalated");

        await ScanAt(VietnamTime(2026, 9, 30, 9));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.EqualTo(new[] { ReminderThreshold.Overdue }), "Wednesday 30/9: four working days late (25, 28, 29, 30)");
        await ScanAt(VietnamTime(2026, 10, 1, 9));
        await ScanAt(VietnamTime(2026, 10, 2, 9));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.EqualTo(new[] { ReminderThreshold.Overdue, ReminderThreshold.Escalated }), "Thursday 1/10: five working days late");

        await WebhookPasses.DeliverAllAsync(Factory.Services);
        var escalated = coordinatorReceiver.Received.Single();
        Assert.That(escalated.Type, Is.EqualTo("obligation.escalated"));
        Assert.That(Body(escalated).GetProperty("data").GetProperty("workingDaysLate").GetInt32(), Is.EqualTo(5));
        Assert.That(_receiver.Received.Select(r => r.Type), Is.EqualTo(new[] { "obligation.overdue" }), "the agency's subscription gets the overdue reminder but not the escalation");
    }

    [Test]
    public async Task ATaskNotDoneIsDueTodayOnItsDayAndOverdueAfterIt()
    {
        await Subscribe(IctReporter, "task.due-today", "task.overdue");

        await ScanAt(VietnamTime(2026, 9, 3, 9));
        await ScanAt(VietnamTime(2026, 9, 4, 9));
        await ScanAt(VietnamTime(2026, 9, 7, 9));
        Assert.That(await Raised(ReminderSubject.Task), Is.EqualTo(new[] { ReminderThreshold.DueToday, ReminderThreshold.Overdue }));

        await WebhookPasses.DeliverAllAsync(Factory.Services);
        var overdue = Body(_receiver.Received.Single(r => r.Type == "task.overdue"));
        Assert.That(overdue.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo($"/api/v1/plans/{_plan2026}/tasks/{_task}"));
        Assert.That(overdue.GetProperty("data").GetProperty("workingDaysLate").GetInt32(), Is.EqualTo(1), "Friday 4/9");
    }

    [Test]
    public async Task ARequestDueAfterNationalDayIsDueSoonFromTheFridayBeforeForEachAgencyNotAnswering()
    {
        // Off: Tuesday 1/9 and Wednesday 2/9/2026. Three working days before Friday 4/9 is Friday 28/8.
        var request = await ReadJson(await Reviewer.PostAsJsonAsync("/api/v1/report-requests", new
        {
            issuerAgencyId = Province, topic = "Báo cáo nhanh sau Quốc khánh", assessmentYear = 2026, issuedOn = "2026-08-20", dueDate = "2026-09-04",
            askedAgencyIds = new[] { Ict, Police }, askedIndexCodes = new[] { "1" },
        }));
        var requestId = request.GetProperty("id").GetGuid();
        await Subscribe(await ReporterOf(Police), "report-request.due-soon", "report-request.overdue");

        await ScanAt(VietnamTime(2026, 8, 27, 9));
        Assert.That(await Raised(ReminderSubject.ReportRequest), Is.Empty, "Thursday 27/8: 4/9 is four working days away");
        await ScanAt(VietnamTime(2026, 8, 28, 9));
        Assert.That(await Raised(ReminderSubject.ReportRequest), Is.EqualTo(new[] { ReminderThreshold.DueSoon, ReminderThreshold.DueSoon }), "one per asked agency");

        await WebhookPasses.DeliverAllAsync(Factory.Services);
        var dueSoon = Body(_receiver.Received.Single());
        Assert.That(dueSoon.GetProperty("resource").GetProperty("url").GetString(), Is.EqualTo($"/api/v1/report-requests/{requestId}"));
        Assert.That(dueSoon.GetProperty("data").GetProperty("agencyId").GetGuid(), Is.EqualTo(Police), "the police reporter hears of its own answer only");
    }

    [Test]
    public async Task ASubmittedReportStopsTheObligationsReminders()
    {
        await ScanAt(VietnamTime(2026, 9, 21, 9));
        var draft = await CreatePeriodic(IctReporter, Ict, Q3, _plan2026, Quarterly);
        var filled = await Expect(await Put(IctReporter, draft, new
        {
            entries = new[] { new { indexCode = "1", numericValue = 1m, score = (decimal?)null, asOf = "2026-09-15", evidenceIds = Array.Empty<Guid>() } },
            results = "Hoàn thành kế hoạch quý III.",
            difficulties = "Không.",
            proposals = "Không.",
        }));
        Clock.Now = VietnamTime(2026, 9, 22, 9);
        await Expect(await Act(IctReporter, filled, "submit"));

        await ScanAt(VietnamTime(2026, 9, 24, 9));
        await ScanAt(VietnamTime(2026, 10, 2, 9));
        Assert.That(await Raised(ReminderSubject.Obligation), Is.EqualTo(new[] { ReminderThreshold.DueSoon }), "nothing after the report was submitted");
    }

    private async Task ScanAt(DateTimeOffset at)
    {
        Clock.Now = at;
        var raised = await ClockedServices.GetRequiredService<ReminderScanner>().ScanOnceAsync(CancellationToken.None);
        Assert.That(raised, Is.Not.Null, "no other scan holds the claim");
    }

    /// <summary>The thresholds raised for <paramref name="subject"/>, in the order raised.</summary>
    private Task<List<ReminderThreshold>> Raised(ReminderSubject subject) =>
        InDatabase(db => db.Reminders.Where(r => r.Subject == subject).OrderBy(r => r.RaisedAt).ThenBy(r => r.Id).Select(r => r.Threshold).ToListAsync());

    private Task<int> EventsOf(ReminderThreshold threshold) =>
        InDatabase(db => db.OutboxMessages.CountAsync(m => m.Type == nameof(ReminderRaised) && m.Payload.Contains($"\"threshold\":\"{threshold}\"")));

    private Task<Guid> Subscribe(HttpClient client, params string[] eventTypes) => SubscribeAt(client, _receiver.Url, eventTypes);

    private static async Task<Guid> SubscribeAt(HttpClient client, string url, params string[] eventTypes)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ReadJson(response)).GetProperty("webhook").GetProperty("id").GetGuid();
    }

    private static JsonElement Body(ReceivedWebhook received) => JsonDocument.Parse(received.Body).RootElement.Clone();
}
