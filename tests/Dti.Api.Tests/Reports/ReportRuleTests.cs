using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Calendar;
using Dti.Domain.Clients;
using Dti.Domain.Reports;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Reports;

/// <summary>Timeliness on the real calendar, what a report may hold, and who sees it.</summary>
public sealed class ReportRuleTests(DatabaseProvider provider) : ReportFixture(provider)
{
    [Test]
    public async Task OnTimeUntilTheEndOfTheDayTheDeadlineRolledOverToThenLateByWorkingDays()
    {
        var obligation = await ReadJson(await Client.GetAsync($"/api/v1/obligations?from=2023-12-01&to=2023-12-31&agencyId={Ict}"));
        var q4 = obligation.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("periodId").GetString() == Q4);
        Assert.That(q4.GetProperty("lastAllowedInstant").GetString(), Is.EqualTo("2023-12-25T23:59:59.9999999+07:00"), "Sunday 24/12 rolled over to Monday 25/12");

        var onTime = await Submitted(IctReporter, Ict, Content(("7", 150m, null)), VietnamTime(2023, 12, 25, 23, 30));
        var late = await Submitted(await ReporterOf(Police), Police, Content(("5", 80m, null)), VietnamTime(2023, 12, 26, 0, 5));

        var onTimeVersion = (await ReadJson(await IctReporter.GetAsync($"/api/v1/reports/{onTime.Id}/versions/1"))).GetProperty("version");
        Assert.Multiple(() =>
        {
            Assert.That((onTime.Json.GetProperty("timeliness").GetString(), onTime.Json.GetProperty("workingDaysLate").GetInt32()), Is.EqualTo(("OnTime", 0)));
            Assert.That(onTimeVersion.GetProperty("lastAllowedInstant").GetDateTimeOffset(), Is.EqualTo(q4.GetProperty("lastAllowedInstant").GetDateTimeOffset()));
            Assert.That((late.Json.GetProperty("timeliness").GetString(), late.Json.GetProperty("workingDaysLate").GetInt32()), Is.EqualTo(("Late", 1)));
        });
    }

    [Test]
    public async Task ARulesHourIsTheLastInstantForSubmissionsAndObligationStatuses()
    {
        // "before 16:00 on the 22nd of the quarter's last month": Q4/2023 ends at 16:00 on Friday 22/12/2023 (a working day).
        var created = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "hằng quý, trước 16 giờ ngày 22 của tháng cuối quý" });
        var hourly = (await ReadJson(created)).GetProperty("id").GetGuid();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var set = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{Plan}/reporting-rules", new { ruleIds = new[] { hourly } });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        var fourPm = VietnamTime(2023, 12, 22, 16);
        var ict = await Expect(await Put(IctReporter, await CreatePeriodic(IctReporter, Ict, rule: hourly), Content(("7", 150m, null))));
        var policeReporter = await ReporterOf(Police);
        var police = await Expect(await Put(policeReporter, await CreatePeriodic(policeReporter, Police, rule: hourly), Content(("5", 80m, null))));

        Clock.Now = fourPm.AddMinutes(-1);
        var before = await PoliceQ4Obligation();
        var onTime = await Expect(await Act(IctReporter, ict, "submit"));
        Clock.Now = fourPm.AddMinutes(1);
        var after = await PoliceQ4Obligation();
        var late = await Expect(await Act(policeReporter, police, "submit"));

        var lateVersion = (await ReadJson(await policeReporter.GetAsync($"/api/v1/reports/{late.Id}/versions/1"))).GetProperty("version");
        Assert.Multiple(() =>
        {
            Assert.That(before.GetProperty("lastAllowedInstant").GetDateTimeOffset(), Is.EqualTo(fourPm));
            Assert.That((before.GetProperty("status").GetString(), before.GetProperty("reportStatus").GetString()), Is.EqualTo(("DueSoon", "Draft")));
            Assert.That((after.GetProperty("status").GetString(), after.GetProperty("reportStatus").GetString()), Is.EqualTo(("Overdue", "Missing")));
            Assert.That((onTime.Json.GetProperty("timeliness").GetString(), onTime.Json.GetProperty("workingDaysLate").GetInt32()), Is.EqualTo(("OnTime", 0)), "15:59");
            Assert.That((late.Json.GetProperty("timeliness").GetString(), late.Json.GetProperty("workingDaysLate").GetInt32()), Is.EqualTo(("Late", 0)), "16:01 the same day: late, within the day");
            Assert.That(lateVersion.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2023-12-22"));
            Assert.That(lateVersion.GetProperty("lastAllowedInstant").GetDateTimeOffset(), Is.EqualTo(fourPm));
        });
    }

    [Test]
    public async Task AScoreAboveTheIndexMaximumIsRefused()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);

        await (await Put(IctReporter, draft, Content(("7", 1m, 200.01m)))).AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[0].score", "report.score-above-max");
        await (await Put(IctReporter, draft, Content(("7", 1m, 1000.5m)))).AssertProblem(HttpStatusCode.BadRequest, "entries[0].score");
        await Expect(await Put(IctReporter, draft, Content(("7", 1m, 200m))));
    }

    [Test]
    public async Task EntriesAreForTheIndicesTheAgencyLeadsOnce()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);

        await (await Put(IctReporter, draft, Content(("7", 1m, null), ("5", 1m, null)))).AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[1].indexCode", "report.index-not-answerable");
        await (await Put(IctReporter, draft, Content(("7", 1m, null), ("7", 2m, null)))).AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[1].indexCode", "report.duplicate-index");
        await (await Act(IctReporter, draft, "submit")).AssertProblem(HttpStatusCode.UnprocessableEntity, "entries", "report.empty");
    }

    [Test]
    public async Task AnIndexScoredWithoutRequiredEvidenceNeedsAnExplanationToBeSubmitted()
    {
        // QĐ 922's component indices are not published in full: a framework for 2015–2016 with two illustrative
        // components that require evidence, and a plan for 2016 under it.
        await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete());
        var plan = (await Client.CreatePlan(new
        {
            kind = "Plan", documentNumber = "12/KH-UBND", issuerAgencyId = Province, issueDate = "2016-01-05", title = "Kế hoạch thử nghiệm 2016",
            firstAssessmentYear = 2016, lastAssessmentYear = 2016, solutionGroups = Array.Empty<object>(),
        })).GetProperty("id").GetGuid();
        await Client.CreateAssignment(plan, new { indexCode = "7.1", leadAgencyId = Ict });
        await Client.CreateAssignment(plan, new { indexCode = "7.2", leadAgencyId = Ict });
        await IssueWithRules(plan, Quarterly);
        var draft = await CreatePeriodic(IctReporter, Ict, "2016Q4", plan);
        var evidence = await EvidenceLink(IctReporter, Ict);

        var scoredWithoutEvidence = await Expect(await Put(IctReporter, draft, new
        {
            entries = new object[]
            {
                new { indexCode = "7.1", numericValue = 92.5m, score = 110m, evidenceIds = new[] { evidence } },
                new { indexCode = "7.2", numericValue = 40m, score = 30m },
            },
        }));
        await (await Act(IctReporter, scoredWithoutEvidence, "submit")).AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[1].evidenceIds", "report.evidence-missing");

        var explained = await Expect(await Put(IctReporter, scoredWithoutEvidence, new
        {
            entries = new object[]
            {
                new { indexCode = "7.1", numericValue = 92.5m, score = 110m, evidenceIds = new[] { evidence } },
                new { indexCode = "7.2", numericValue = 40m, score = 30m, explanation = "Quyết định số hóa hồ sơ đang trình ký; gửi bổ sung trong quý I/2017." },
            },
        }));
        var submitted = await Expect(await Act(IctReporter, explained, "submit"));
        Assert.That(submitted.Json.GetProperty("entries")[0].GetProperty("evidenceIds")[0].GetGuid(), Is.EqualTo(evidence));
        await (await Put(IctReporter, submitted, new { entries = new[] { new { indexCode = "7.1", yesNoValue = true } } })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task AnAdHocReportAnswersARequestForTheIndicesItAsksByItsDueDate()
    {
        // Requests are issued through the domain here (their endpoints come with contributions): the coordinator asks
        // Sở TT&TT about index 7 on Friday 1/12/2023, within 5 working days — by Friday 8/12.
        var request = await InDatabase(async db =>
        {
            var issued = ReportRequest.Issue(
                new ReportRequestSpec(ReportRequestKind.AdHoc, Province, "Báo cáo nhanh kết quả dịch vụ công trực tuyến", 2023, new DateOnly(2023, 12, 1), null, 5, [Ict], ["7"], false),
                WorkingCalendar.Default,
                DateTimeOffset.UtcNow);
            db.ReportRequests.Add(issued);
            await db.SaveChangesAsync();
            return issued;
        });
        Assert.That(request.DueDate, Is.EqualTo(new DateOnly(2023, 12, 8)));
        var shown = await ReadJson(await Client.GetAsync($"/api/v1/report-requests/{request.Id}"));
        Assert.That(shown.GetProperty("lastAllowedInstant").GetString(), Is.EqualTo("2023-12-08T23:59:59.9999999+07:00"), "a request's date has no hour");

        var created = await IctReporter.PostAsJsonAsync("/api/v1/reports", new { kind = "AdHoc", agencyId = Ict, reportRequestId = request.Id });
        var draft = await Expect(created, HttpStatusCode.Created);
        await (await Put(IctReporter, draft, Content(("7", 1m, null), ("5", 1m, null)))).AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[1].indexCode", "report.index-not-answerable");
        var filled = await Expect(await Put(IctReporter, draft, Content(("7", 1m, null))));
        Clock.Now = VietnamTime(2023, 12, 9, 10);
        var submitted = await Expect(await Act(IctReporter, filled, "submit"));

        Assert.Multiple(() =>
        {
            Assert.That((draft.Json.GetProperty("kind").GetString(), draft.Json.GetProperty("reportRequestId").GetGuid()), Is.EqualTo(("AdHoc", request.Id)));
            Assert.That((submitted.Json.GetProperty("timeliness").GetString(), submitted.Json.GetProperty("workingDaysLate").GetInt32()), Is.EqualTo(("Late", 1)), "Saturday counts as received on Monday 11/12");
        });
        var police = await ReporterOf(Police);
        await (await police.PostAsJsonAsync("/api/v1/reports", new { kind = "AdHoc", agencyId = Police, reportRequestId = request.Id })).AssertProblem(HttpStatusCode.UnprocessableEntity, "agencyId", "report.not-asked");
        await (await IctReporter.PostAsJsonAsync("/api/v1/reports", new { kind = "Contribution", agencyId = Ict, reportRequestId = request.Id })).AssertProblem(HttpStatusCode.UnprocessableEntity, "kind", "report.kind-mismatch");
        await (await IctReporter.PostAsJsonAsync("/api/v1/reports", new { kind = "AdHoc", agencyId = Ict, reportRequestId = request.Id, periodId = Q4 })).AssertProblem(HttpStatusCode.BadRequest, "periodId");
    }

    [Test]
    public async Task AnotherAgencysReportAnswersLikeAMissingOne()
    {
        var report = await Submitted(IctReporter, Ict, Content(("7", 1m, null)), VietnamTime(2023, 12, 20, 9));
        var police = await ReporterOf(Police);

        var other = await police.GetAsync($"/api/v1/reports/{report.Id}");
        var missing = await police.GetAsync($"/api/v1/reports/{Guid.NewGuid()}");

        await other.AssertProblem(HttpStatusCode.NotFound);
        await missing.AssertProblem(HttpStatusCode.NotFound);
        await (await police.GetAsync($"/api/v1/reports/{report.Id}/versions")).AssertProblem(HttpStatusCode.NotFound);
        await (await Act(police, report, "withdraw")).AssertProblem(HttpStatusCode.NotFound);
        await (await police.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = Ict, planId = Plan, deadlineRuleId = Quarterly, periodId = "2023Q3" }))
            .AssertProblem(HttpStatusCode.NotFound);
        var list = await police.GetStringAsync("/api/v1/reports");
        Assert.That(list, Does.Not.Contain(report.Id.ToString()));
    }

    [Test]
    public async Task ReadersAndTheMinistrySeeAcceptedReportsAndVersionsOnly()
    {
        var accepted = await Submitted(IctReporter, Ict, Content(("7", 150m, null)), VietnamTime(2023, 12, 20, 9));
        accepted = await Expect(await Act(Reviewer, accepted, "return", new { reason = "Bổ sung" }));
        accepted = await Expect(await Act(IctReporter, accepted, "reopen"));
        accepted = await Expect(await Act(IctReporter, accepted, "submit"));
        accepted = await Expect(await Act(Reviewer, accepted, "accept"));
        var draft = await CreatePeriodic(await ReporterOf(Police), Police);

        foreach (var role in new[] { ClientRole.Reader, ClientRole.Ministry })
        {
            var reader = await ClockedClient(role);
            var list = await ReadJson(await reader.GetAsync("/api/v1/reports?assessmentYear=2023&periodId=2023Q4"));
            Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { accepted.Id }), role.ToString());
            await (await reader.GetAsync($"/api/v1/reports/{draft.Id}")).AssertProblem(HttpStatusCode.NotFound);
            Assert.That((await reader.GetAsync($"/api/v1/reports/{accepted.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), role.ToString());
            var versions = (await ReadJson(await reader.GetAsync($"/api/v1/reports/{accepted.Id}/versions"))).GetProperty("versions").EnumerateArray();
            Assert.That(versions.Select(v => v.GetProperty("number").GetInt32()), Is.EqualTo(new[] { 2 }), $"{role}: the returned version stays internal");
            await (await reader.GetAsync($"/api/v1/reports/{accepted.Id}/versions/1")).AssertProblem(HttpStatusCode.NotFound);
            await (await reader.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = Ict, planId = Plan, deadlineRuleId = Quarterly, periodId = "2023Q3" }))
                .AssertProblem(HttpStatusCode.Forbidden);
        }

        var coordinatorList = await ReadJson(await Client.GetAsync("/api/v1/reports?assessmentYear=2023"));
        Assert.That(coordinatorList.GetProperty("totalCount").GetInt32(), Is.EqualTo(2), "the coordinator sees drafts too");
    }

    [Test]
    public async Task EvidenceIdsMustNameTheReportingAgencysOwnEvidence()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        var own = await EvidenceLink(IctReporter, Ict);
        var policeEvidence = await EvidenceLink(await ReporterOf(Police), Police);

        var others = await Put(IctReporter, draft, new { entries = new[] { new { indexCode = "7", numericValue = 1m, evidenceIds = new[] { own, policeEvidence } } } });
        var nothing = await Put(IctReporter, draft, new { entries = new[] { new { indexCode = "7", numericValue = 1m, evidenceIds = new[] { Guid.NewGuid() } } } });
        var accepted = await Expect(await Put(IctReporter, draft, new { entries = new[] { new { indexCode = "7", numericValue = 1m, evidenceIds = new[] { own } } } }));

        await others.AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[0].evidenceIds", "report.unknown-evidence");
        await nothing.AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[0].evidenceIds", "report.unknown-evidence");
        Assert.That(accepted.Json.GetProperty("entries")[0].GetProperty("evidenceIds")[0].GetGuid(), Is.EqualTo(own));
    }

    /// <summary>Công an tỉnh's Q4/2023 obligation under <see cref="ReportFixture.Plan"/>, as the instance with the set clock sees it now.</summary>
    private async Task<JsonElement> PoliceQ4Obligation()
    {
        var obligations = await ReadJson(await Reviewer.GetAsync($"/api/v1/obligations?from=2023-12-01&to=2023-12-31&planId={Plan}&agencyId={Police}"));
        return obligations.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("periodId").GetString() == Q4);
    }

    private static async Task<Guid> EvidenceLink(HttpClient reporter, Guid agency)
    {
        var response = await reporter.PostAsJsonAsync($"/api/v1/agencies/{agency}/evidence/links",
            new { url = "https://dichvucong.quangtri.gov.vn/thong-ke?nam=2023", description = "Thống kê hồ sơ trực tuyến toàn trình (minh họa)" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ReadJson(response)).GetProperty("id").GetGuid();
    }
}
