using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Reports;

/// <summary>The report lifecycle through HTTP: every allowed step, every refused one, and the versions it freezes.</summary>
public sealed class ReportLifecycleTests(DatabaseProvider provider) : ReportFixture(provider)
{
    [Test]
    public async Task AReportGoesFromDraftThroughSubmissionToAcceptanceAndIsAudited()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        Assert.That((draft.State, draft.AllowedActions), Is.EqualTo(("Draft", new[] { "Edit", "Submit" })));
        Assert.That(draft.Json.GetProperty("assessmentYear").GetInt32(), Is.EqualTo(2023));

        var filled = await Expect(await Put(IctReporter, draft, Content(("7", 152.5m, 150m))));
        var submitted = await Expect(await Act(IctReporter, filled, "submit"));
        var accepted = await Expect(await Act(Reviewer, submitted, "accept"));

        Assert.Multiple(() =>
        {
            Assert.That((submitted.State, submitted.AllowedActions), Is.EqualTo(("Submitted", new[] { "Withdraw", "Accept", "Return" })));
            Assert.That(submitted.Json.GetProperty("timeliness").GetString(), Is.EqualTo("OnTime"));
            Assert.That(submitted.Json.GetProperty("latestVersionNumber").GetInt32(), Is.EqualTo(1));
            Assert.That(submitted.Json.GetProperty("tasks")[0].GetProperty("title").GetString(), Does.StartWith("Trung tâm Tích hợp dữ liệu"));
            Assert.That((accepted.State, accepted.AllowedActions), Is.EqualTo(("Accepted", new[] { "Revise" })));
            Assert.That(accepted.Json.GetProperty("lastReview").GetProperty("outcome").GetString(), Is.EqualTo("Accepted"));
            Assert.That(accepted.Json.GetProperty("entries")[0].GetProperty("numericValue").GetDecimal(), Is.EqualTo(152.5m));
        });

        var version = await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{draft.Id}/versions/1"));
        var listed = await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{draft.Id}/versions"));
        Assert.Multiple(() =>
        {
            Assert.That(version.GetProperty("version").GetProperty("contentHash").GetString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(listed.GetProperty("versions")[0].GetProperty("contentHash").GetString(), Is.EqualTo(version.GetProperty("version").GetProperty("contentHash").GetString()));
            Assert.That(version.GetProperty("version").GetProperty("outcome").GetString(), Is.EqualTo("Accepted"));
            Assert.That(version.GetProperty("content").GetProperty("entries")[0].GetProperty("score").GetDecimal(), Is.EqualTo(150m));
            Assert.That(version.GetProperty("content").GetProperty("results").GetString(), Does.StartWith("Hoàn thành"));
        });

        var audit = await Client.GetStringAsync($"/api/v1/audit?entityType=Report&entityId={draft.Id}&pageSize=100");
        Assert.That(audit, Does.Contain("\"Submitted\"").And.Contain("\"Accepted\""), "every transition is in the audit trail");
        var events = await InDatabase(db => db.OutboxMessages.Where(m => m.Payload.Contains(draft.Id.ToString())).Select(m => m.Type).ToListAsync());
        Assert.That(events, Is.EquivalentTo(new[] { "ReportSubmitted", "ReportAccepted" }));
    }

    [Test]
    public async Task ASubmissionStoresItsTaskSnapshotInTheReportsRowAsWritten()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        var filled = await Expect(await Put(IctReporter, draft, Content(("7", 152.5m, 150m))));
        var submitted = await Expect(await Act(IctReporter, filled, "submit"));
        var title = submitted.Json.GetProperty("tasks")[0].GetProperty("title").GetString()!;

        // The JSON column a DBA reads (ADR 0018): the Vietnamese title as written, in NFC, not as \u escapes.
        var stored = await InDatabase(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT "Tasks" FROM "Reports" WHERE "Id" = '{draft.Id.ToString().ToUpperInvariant()}'""";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.Multiple(() =>
        {
            Assert.That(title, Does.StartWith("Trung tâm Tích hợp dữ liệu"));
            Assert.That(stored, Does.Contain($"\"title\":\"{title}\"").And.Not.Contain("\\u"));
            Assert.That(stored.IsNormalized(System.Text.NormalizationForm.FormC), Is.True);
        });
    }

    [Test]
    public async Task EveryTransitionTheTableDoesNotListIsAConflictNamingStateAndAction()
    {
        var report = await CreatePeriodic(IctReporter, Ict);
        await Refused(report, "Draft", "withdraw", "accept", "return", "reopen", "revise");

        report = await Expect(await Put(IctReporter, report, Content(("7", 1m, null))));
        report = await Expect(await Act(IctReporter, report, "submit"));
        await Refused(report, "Submitted", "submit", "reopen", "revise");
        await (await Put(IctReporter, report, Content(("7", 2m, null)))).AssertProblem(HttpStatusCode.Conflict, rule: "report.transition.not-allowed");

        report = await Expect(await Act(Reviewer, report, "return", new { reason = "Bổ sung số liệu" }));
        await Refused(report, "Returned", "submit", "withdraw", "accept", "return", "revise");

        report = await Expect(await Act(IctReporter, report, "reopen"));
        report = await Expect(await Act(IctReporter, report, "submit"));
        report = await Expect(await Act(Reviewer, report, "accept"));
        await Refused(report, "Accepted", "submit", "withdraw", "accept", "return", "reopen");
        await (await Put(IctReporter, report, Content(("7", 2m, null)))).AssertProblem(HttpStatusCode.Conflict, rule: "report.transition.not-allowed");
    }

    [Test]
    public async Task ASubmittedReportCanBeWithdrawnBeforeReviewAndItsVersionStopsCounting()
    {
        var submitted = await Submitted(IctReporter, Ict, Content(("7", 1m, null)), VietnamTime(2023, 12, 20, 9));

        var withdrawn = await Expect(await Act(IctReporter, submitted, "withdraw"));

        Assert.Multiple(() =>
        {
            Assert.That(withdrawn.State, Is.EqualTo("Draft"));
            Assert.That(withdrawn.Json.GetProperty("timeliness").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(withdrawn.Json.GetProperty("lastReview").GetProperty("outcome").GetString(), Is.EqualTo("Withdrawn"));
        });
    }

    [Test]
    public async Task TransitionsNeedTheCurrentETag()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        var filled = await Expect(await Put(IctReporter, draft, Content(("7", 1m, null))));

        await (await IctReporter.PostAsync($"/api/v1/reports/{draft.Id}/submit", null)).AssertProblem(HttpStatusCode.PreconditionRequired);
        await (await Act(IctReporter, draft, "submit")).AssertProblem(HttpStatusCode.PreconditionFailed);
        await (await IctReporter.SendWithIfMatch(HttpMethod.Put, $"/api/v1/reports/{draft.Id}", Content(("7", 2m, null)), null)).AssertProblem(HttpStatusCode.PreconditionRequired);

        var stored = await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{draft.Id}"));
        Assert.That((stored.GetProperty("state").GetString(), stored.GetProperty("entries")[0].GetProperty("numericValue").GetDecimal()), Is.EqualTo(("Draft", 1m)));
        await Expect(await Act(IctReporter, filled, "submit"));
    }

    [Test]
    public async Task AReturnedReportResubmittedKeepsBothVersionsAndTheDiffShowsTheChangedIndex()
    {
        var first = await Submitted(IctReporter, Ict, Content(("7", 150m, 140m)), VietnamTime(2023, 12, 20, 9));
        var returned = await Expect(await Act(Reviewer, first, "return", new { reason = "Bổ sung số liệu quý IV", indexNotes = new[] { new { indexCode = "7", note = "Số liệu chưa khớp với hệ thống một cửa" } } }));
        Assert.Multiple(() =>
        {
            Assert.That(returned.State, Is.EqualTo("Returned"));
            Assert.That(returned.Json.GetProperty("lastReview").GetProperty("reason").GetString(), Is.EqualTo("Bổ sung số liệu quý IV"));
            Assert.That(returned.Json.GetProperty("lastReview").GetProperty("indexNotes")[0].GetProperty("indexCode").GetString(), Is.EqualTo("7"));
        });

        var edited = await Expect(await Put(IctReporter, returned, Content(("7", 160m, 140m))));
        Assert.That(edited.State, Is.EqualTo("Draft"), "editing a returned report reopens it");
        Clock.Now = VietnamTime(2023, 12, 27, 9);
        var second = await Expect(await Act(IctReporter, edited, "submit"));

        var versions = (await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{first.Id}/versions"))).GetProperty("versions").EnumerateArray().ToList();
        var diff = await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{first.Id}/versions/2/diff?against=1"));
        var byDefault = await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{first.Id}/versions/2/diff"));
        Assert.Multiple(() =>
        {
            Assert.That(versions.Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("outcome").GetString(), v.GetProperty("timeliness").GetString(), v.GetProperty("countsForTimeliness").GetBoolean())),
                Is.EqualTo(new[] { (1, "Returned", "OnTime", true), (2, "Pending", "Late", false) }));
            Assert.That(versions[1].GetProperty("workingDaysLate").GetInt32(), Is.EqualTo(2), "26 and 27/12/2023");
            Assert.That(versions[0].GetProperty("contentHash").GetString(), Is.Not.EqualTo(versions[1].GetProperty("contentHash").GetString()));
            Assert.That(second.Json.GetProperty("timeliness").GetString(), Is.EqualTo("OnTime"), "the first submission counts after a return");
            Assert.That(second.Json.GetProperty("countedVersionNumber").GetInt32(), Is.EqualTo(1));
            var change = diff.GetProperty("changes").EnumerateArray().Single();
            Assert.That(
                (change.GetProperty("indexCode").GetString(), change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()),
                Is.EqualTo(("7", "numericValue", "150.0000", "160.0000")));
            Assert.That(byDefault.GetProperty("against").GetInt32(), Is.EqualTo(1));
            Assert.That(byDefault.GetProperty("changes").GetArrayLength(), Is.EqualTo(1));
        });
        await (await IctReporter.GetAsync($"/api/v1/reports/{first.Id}/versions/1/diff")).AssertProblem(HttpStatusCode.BadRequest, "against");
        await (await IctReporter.GetAsync($"/api/v1/reports/{first.Id}/versions/3")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RevisingAnAcceptedReportStartsANewRevisionThatNeedsAcceptanceAgain()
    {
        var submitted = await Submitted(IctReporter, Ict, Content(("7", 150m, 140m)), VietnamTime(2023, 12, 20, 9));
        var accepted = await Expect(await Act(Reviewer, submitted, "accept"));

        var revising = await Expect(await Act(IctReporter, accepted, "revise"));
        Assert.That((revising.State, revising.Json.GetProperty("revision").GetInt32()), Is.EqualTo(("Draft", 2)));
        var corrected = await Expect(await Put(IctReporter, revising, Content(("7", 150m, 145m))));
        Clock.Now = VietnamTime(2024, 1, 10, 9);
        var resubmitted = await Expect(await Act(IctReporter, corrected, "submit"));
        var reaccepted = await Expect(await Act(Reviewer, resubmitted, "accept"));

        var versions = (await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{submitted.Id}/versions"))).GetProperty("versions").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reaccepted.State, Is.EqualTo("Accepted"));
            Assert.That(versions.Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("revision").GetInt32(), v.GetProperty("outcome").GetString())),
                Is.EqualTo(new[] { (1, 1, "Accepted"), (2, 2, "Accepted") }));
            Assert.That(reaccepted.Json.GetProperty("timeliness").GetString(), Is.EqualTo("OnTime"), "a correction does not change when the agency first reported");
        });
    }

    [Test]
    public async Task AnAgencyAnswersAnObligationOnceAndOnlyAnObligationItHas()
    {
        await CreatePeriodic(IctReporter, Ict);

        await (await IctReporter.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = Ict, planId = Plan, deadlineRuleId = Quarterly, periodId = Q4 }))
            .AssertProblem(HttpStatusCode.Conflict, rule: "report.exists");
        await (await IctReporter.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = Ict, planId = Plan, deadlineRuleId = Quarterly, periodId = "2023Q1" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "periodId", "report.no-obligation");
        await (await IctReporter.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = Ict, planId = Plan, periodId = Q4 }))
            .AssertProblem(HttpStatusCode.BadRequest, "deadlineRuleId");
    }

    private async Task Refused(Step report, string state, params string[] actions)
    {
        foreach (var action in actions)
        {
            var caller = action is "accept" or "return" ? Reviewer : IctReporter;
            var body = action == "return" ? new { reason = "x" } : null;
            var problem = await (await Act(caller, report, action, body)).AssertProblem(HttpStatusCode.Conflict, rule: "report.transition.not-allowed");
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"is {state}").And.Contain("not allowed"), action);
        }
    }

    [Test]
    public async Task ObligationsShowWhereTheirReportsStandBesideTheDeadline()
    {
        async Task<Dictionary<string, string?>> Standing()
        {
            var page = await ReadJson(await Reviewer.GetAsync($"/api/v1/obligations?from=2023-12-01&to=2023-12-31&planId={Plan}&pageSize=100"));
            return page.GetProperty("items").EnumerateArray()
                .Where(o => o.GetProperty("periodId").GetString() == Q4)
                .ToDictionary(o => o.GetProperty("agency").GetProperty("shortName").GetString()!, o => o.GetProperty("reportStatus").GetString());
        }

        var before = await Standing();
        var draft = await CreatePeriodic(IctReporter, Ict);
        var drafted = await Standing();
        var submitted = await Expect(await Act(IctReporter, await Expect(await Put(IctReporter, draft, Content(("7", 152.5m, 150m)))), "submit"));
        var waiting = await Standing();
        await Expect(await Act(Reviewer, submitted, "return", new { reason = "Bổ sung tài liệu kiểm chứng" }));
        var returned = await Standing();
        Clock.Now = VietnamTime(2023, 12, 26, 9);
        var afterDeadline = await Standing();

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new Dictionary<string, string?> { ["Sở TT&TT Quảng Trị"] = "NotStarted", ["Công an tỉnh Quảng Trị"] = "NotStarted" }));
            Assert.That(drafted["Sở TT&TT Quảng Trị"], Is.EqualTo("Draft"));
            Assert.That(waiting["Sở TT&TT Quảng Trị"], Is.EqualTo("Submitted"));
            Assert.That(returned["Sở TT&TT Quảng Trị"], Is.EqualTo("Returned"));
            Assert.That(afterDeadline, Is.EqualTo(new Dictionary<string, string?> { ["Sở TT&TT Quảng Trị"] = "Returned", ["Công an tỉnh Quảng Trị"] = "Missing" }));
        });
    }
}
