using System.Net;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// The compliance view over 2023 under Plan 170/KH-UBND (quarterly and annual reports), read on 20/12/2023 at noon:
/// Sở TT&amp;TT reported Q3 on time and the annual report a day late; Công an tỉnh reported Q3 late and never sent the annual
/// report (due 19/12); Q4 (due 25/12) is still pending for both. UBND phường Đông Hà owes no report but leads three tasks:
/// one done, one overdue, one still open.
/// </summary>
public sealed class ComplianceTests(DatabaseProvider provider) : ReportFixture(provider)
{
    private const string Compliance = "/api/v1/compliance";
    private const string Year2023 = "from=2023-01-01&to=2023-12-31";

    private Guid _ward;

    [SetUp]
    public async Task ReportTasksAndTargetsOf2023()
    {
        _ward = (await Client.CreateAgency("000.40.31.H50", "Ủy ban nhân dân phường Đông Hà", "UBND phường Đông Hà", "CommunePeoplesCommittee")).GetProperty("id").GetGuid();
        var done = (await Client.CreateTask(Plan, new { title = "Tổ công nghệ số cộng đồng", leadAgencyId = _ward, dueDate = "2023-10-31" })).GetProperty("id").GetGuid();
        await Client.CreateTask(Plan, new { title = "Phủ sóng wifi công cộng", leadAgencyId = _ward, dueDate = "2023-11-30" });
        await Client.CreateTask(Plan, new { title = "Chữ ký số cho cán bộ phường", leadAgencyId = _ward, dueDate = "2023-12-31" });
        var progress = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{Plan}/tasks/{done}/progress", new { status = "Done", percent = 100, asOf = "2023-10-30" }, $"/api/v1/plans/{Plan}/tasks/{done}");
        Assert.That(progress.StatusCode, Is.EqualTo(HttpStatusCode.OK), await progress.Content.ReadAsStringAsync());

        var assignment = await InDatabase(db => db.IndexAssignments.Where(a => a.PlanId == Plan && a.IndexCode == "7").Select(a => a.Id).SingleAsync());
        var target = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{Plan}/assignments/{assignment}", new { targetValue = 0.6m });
        Assert.That(target.StatusCode, Is.EqualTo(HttpStatusCode.OK), await target.Content.ReadAsStringAsync());

        using var policeReporter = await ReporterOf(Police);
        var annual = await RuleId(ReferenceDeadlineRules.QuangTriAnnualName);
        var ictQ3 = await SubmitAt(IctReporter, Ict, "2023Q3", Quarterly, VietnamTime(2023, 9, 20, 9), Content(("7", 0.5m, 100m)));
        Clock.Now = VietnamTime(2023, 9, 27, 10);
        await Expect(await Act(Reviewer, ictQ3, "accept"));
        await SubmitAt(policeReporter, Police, "2023Q3", Quarterly, VietnamTime(2023, 9, 28, 10), Content(("5", 0.4m, 40m)));
        await SubmitAt(IctReporter, Ict, "2023", annual, VietnamTime(2023, 12, 20, 9), Content(("7", 0.55m, 110m)));
        Clock.Now = VietnamTime(2023, 12, 20, 12);
    }

    [Test]
    public async Task TheAgencyBehindComesFirstWithItsCountsRateTasksAndIndices()
    {
        var view = await Read(Reviewer, $"{Compliance}?{Year2023}");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(view), Is.EqualTo(new[] { Police, Ict, _ward }), "one missing report, then one late, then nothing due");
            Assert.That(view.GetProperty("totalCount").GetInt32(), Is.EqualTo(3), "the issuing province leads nothing and owes nothing: not listed");
            Assert.That(view.GetProperty("asOf").GetDateTimeOffset(), Is.EqualTo(VietnamTime(2023, 12, 20, 12)));
            Assert.That(Obligations(Item(view, Police)), Is.EqualTo((3, 0, 1, 1, 1, (decimal?)0m)), "Q3 late, the annual report missing, Q4 pending");
            Assert.That(Obligations(Item(view, Ict)), Is.EqualTo((3, 1, 1, 0, 1, (decimal?)0.3333m)), "Q3 on time, the annual report a day late, Q4 pending");
            Assert.That(Obligations(Item(view, _ward)), Is.EqualTo((0, 0, 0, 0, 0, (decimal?)null)), "nothing due: no rate");
            Assert.That(Tasks(Item(view, _ward)), Is.EqualTo((1, 1, 1)), "done, open (due 31/12), overdue (due 30/11)");
            Assert.That(Tasks(Item(view, Ict)), Is.EqualTo((0, 0, 1)), "the data centre task, due in November, not done");
            Assert.That(Indices(Item(view, Ict)), Is.EqualTo(new[] { ("7", (decimal?)0.6m, (decimal?)0.5m) }), "the accepted Q3 value against the assignment's target; the annual report awaits review");
            Assert.That(Indices(Item(view, Police)), Is.EqualTo(new[] { ("5", (decimal?)null, (decimal?)null) }), "nothing accepted, no target");
            Assert.That(Item(view, Ict).GetProperty("agency").GetProperty("fullName").GetString(), Is.EqualTo("Sở TT&TT Quảng Trị"));
        });

        var second = await Read(Reviewer, $"{Compliance}?{Year2023}&page=2&pageSize=1");
        Assert.Multiple(() =>
        {
            Assert.That(Ids(second), Is.EqualTo(new[] { Ict }), "pages follow the same order");
            Assert.That((second.GetProperty("totalCount").GetInt32(), second.GetProperty("totalPages").GetInt32()), Is.EqualTo((3, 3)));
        });

        var beforeTheAnnualDeadline = await Read(Reviewer, $"{Compliance}?from=2023-07-01&to=2023-09-30");
        Assert.That(Obligations(Item(beforeTheAnnualDeadline, Police)), Is.EqualTo((1, 0, 1, 0, 0, (decimal?)0m)), "only Q3 falls due in the third quarter");
    }

    [Test]
    public async Task AgencyKindAndAgencyNarrowTheView()
    {
        var wards = await Read(Reviewer, $"{Compliance}?{Year2023}&agencyKind=CommunePeoplesCommittee");
        var departments = await Read(Reviewer, $"{Compliance}?{Year2023}&agencyKind=Department");
        var police = await Read(Reviewer, $"{Compliance}?{Year2023}&agencyId={Police}");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(wards), Is.EqualTo(new[] { _ward }));
            Assert.That(Ids(departments), Is.EqualTo(new[] { Police, Ict }));
            Assert.That(Ids(police), Is.EqualTo(new[] { Police }));
            Assert.That(Obligations(Item(police, Police)), Is.EqualTo((3, 0, 1, 1, 1, (decimal?)0m)));
        });
        await (await Reviewer.GetAsync($"{Compliance}?{Year2023}&agencyKind=Ministry")).AssertProblem(HttpStatusCode.BadRequest, "agencyKind");
    }

    [Test]
    public async Task AReporterSeesOnlyItsAgencyAndAnotherAgencysIdAnswersLikeAMissingOne()
    {
        using var reader = await ClockedClient(ClientRole.Reader);
        using var ministry = await ClockedClient(ClientRole.Ministry);

        var own = await Read(IctReporter, $"{Compliance}?{Year2023}");
        var all = await Read(reader, $"{Compliance}?{Year2023}");
        var others = await (await IctReporter.GetAsync($"{Compliance}?{Year2023}&agencyId={Police}")).AssertProblem(HttpStatusCode.NotFound);
        var missing = Guid.NewGuid();
        var absent = await (await IctReporter.GetAsync($"{Compliance}?{Year2023}&agencyId={missing}")).AssertProblem(HttpStatusCode.NotFound);
        var refused = (await ministry.GetAsync($"{Compliance}?{Year2023}")).StatusCode;
        var refusedCsv = (await ministry.GetAsync($"{Compliance}.csv?{Year2023}")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(Ids(own), Is.EqualTo(new[] { Ict }));
            Assert.That(Obligations(Item(own, Ict)), Is.EqualTo((3, 1, 1, 0, 1, (decimal?)0.3333m)));
            Assert.That(Ids(all), Is.EqualTo(new[] { Police, Ict, _ward }));
            Assert.That(others.GetProperty("detail").GetString()!.Replace(Police.ToString(), "{id}", StringComparison.Ordinal),
                Is.EqualTo(absent.GetProperty("detail").GetString()!.Replace(missing.ToString(), "{id}", StringComparison.Ordinal)));
            Assert.That((refused, refusedCsv), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        });
    }

    [Test]
    public async Task TheCsvHasAByteOrderMarkVietnameseNamesAndTheJsonRowsInOrder()
    {
        var response = await Reviewer.GetAsync($"{Compliance}.csv?{Year2023}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        var view = await Read(Reviewer, $"{Compliance}?{Year2023}&pageSize=100");

        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte-order mark, so spreadsheets read UTF-8");
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), Is.EqualTo("tuan-thu-2023-01-01-2023-12-31.csv"));
            Assert.That(lines[0], Does.StartWith("agencyId,agencyCode,agencyName,agencyShortName,agencyKind,obligationsDue,onTime,late,missing,pending,onTimeRate,tasksDone,tasksOpen,tasksOverdue,indices"));
            Assert.That(rows.Select(r => Guid.Parse(r[0])), Is.EqualTo(Ids(view)), "one row per agency of the JSON view, in its order");
            Assert.That(rows[0][2], Is.EqualTo("Công an tỉnh Quảng Trị"));
            Assert.That(rows[2][2], Is.EqualTo("Ủy ban nhân dân phường Đông Hà"));
            Assert.That(rows[0][5..11], Is.EqualTo(new[] { "3", "0", "1", "1", "1", "0" }));
            Assert.That(rows[1][5..11], Is.EqualTo(new[] { "3", "1", "1", "0", "1", "0.3333" }));
            Assert.That(rows[1][14], Is.EqualTo("7 (170/KH-UBND): 0.5 / 0.6"));
            Assert.That(rows[2][10..14], Is.EqualTo(new[] { string.Empty, "1", "1", "1" }), "no rate when nothing was due");
        });
    }

    [Test]
    public async Task ARangeMustBeGivenOrderedAndAtMostFiveYearsOfDays()
    {
        await (await Reviewer.GetAsync(Compliance)).AssertProblem(HttpStatusCode.BadRequest, "from");
        await (await Reviewer.GetAsync($"{Compliance}?from=2023-01-01")).AssertProblem(HttpStatusCode.BadRequest, "to");
        await (await Reviewer.GetAsync($"{Compliance}?from=2023-12-31&to=2023-01-01")).AssertProblem(HttpStatusCode.UnprocessableEntity, "from", "compliance.range-order");
        await (await Reviewer.GetAsync($"{Compliance}?from=2020-01-01&to=2025-01-04")).AssertProblem(HttpStatusCode.UnprocessableEntity, "to", "compliance.range-length");
        await (await Reviewer.GetAsync($"{Compliance}.csv?from=2023-12-31&to=2023-01-01")).AssertProblem(HttpStatusCode.UnprocessableEntity, "from", "compliance.range-order");

        var longest = await Read(Reviewer, $"{Compliance}?from=2020-01-01&to=2025-01-03");
        Assert.That(longest.GetProperty("to").GetString(), Is.EqualTo("2025-01-03"), "1,830 days is the longest range");
    }

    /// <summary>Creates, fills and submits a periodic report at <paramref name="at"/> (the clock set before each step).</summary>
    private async Task<Step> SubmitAt(HttpClient reporter, Guid agency, string period, Guid rule, DateTimeOffset at, object content)
    {
        Clock.Now = at;
        var draft = await CreatePeriodic(reporter, agency, period, rule: rule);
        var filled = await Expect(await Put(reporter, draft, content));
        return await Expect(await Act(reporter, filled, "submit"));
    }

    private static async Task<JsonElement> Read(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("agency").GetProperty("id").GetGuid())];

    private static JsonElement Item(JsonElement page, Guid agency) =>
        page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("agency").GetProperty("id").GetGuid() == agency);

    private static (int Due, int OnTime, int Late, int Missing, int Pending, decimal? Rate) Obligations(JsonElement item)
    {
        var o = item.GetProperty("obligations");
        var rate = o.GetProperty("onTimeRate");
        return (o.GetProperty("due").GetInt32(), o.GetProperty("onTime").GetInt32(), o.GetProperty("late").GetInt32(), o.GetProperty("missing").GetInt32(),
            o.GetProperty("pending").GetInt32(), rate.ValueKind == JsonValueKind.Null ? null : rate.GetDecimal());
    }

    private static (int Done, int Open, int Overdue) Tasks(JsonElement item)
    {
        var t = item.GetProperty("tasks");
        return (t.GetProperty("done").GetInt32(), t.GetProperty("open").GetInt32(), t.GetProperty("overdue").GetInt32());
    }

    private static (string, decimal?, decimal?)[] Indices(JsonElement item) =>
        [.. item.GetProperty("indices").EnumerateArray().Select(i => (i.GetProperty("indexCode").GetString()!, Number(i, "targetValue"), Number(i, "latestValue")))];

    private static decimal? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDecimal();
}
