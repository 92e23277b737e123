using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Security;

/// <summary>
/// Walks every operation <see cref="AccessTable"/> marks agency-scoped as an agency reporter of one agency addressing
/// another agency's objects: the answer must be exactly the one a missing object gets. Lists marked filtered must show
/// the reporter its own agency's objects and never the other's.
/// </summary>
public sealed class AgencyScopeTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Year2026 = "from=2026-01-01&to=2026-12-31";

    /// <summary>One request per agency-scoped operation, addressing the agency, plan and task of <see cref="Target"/>.</summary>
    private static readonly IReadOnlyDictionary<string, Func<Target, HttpRequestMessage>> ScopedRequests = new Dictionary<string, Func<Target, HttpRequestMessage>>(StringComparer.Ordinal)
    {
        ["GetTask"] = t => new(HttpMethod.Get, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}"),
        ["ListTaskProgress"] = t => new(HttpMethod.Get, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}/progress"),
        ["RecordTaskProgress"] = t => new(HttpMethod.Post, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}/progress") { Content = JsonContent.Create(new { status = "InProgress", percent = 10 }) },
        ["UpdateTask"] = t => new(HttpMethod.Put, $"/api/v1/plans/{t.Plan}/tasks/{t.Task}") { Content = JsonContent.Create(new { title = "Đổi tên", leadAgencyId = t.Agency, dueMonth = "2026-11" }) },
        ["ListAgencyObligations"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/obligations?{Year2026}"),
        ["GetAgencyObligationCalendar"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/calendar.ics?{Year2026}"),
        ["ListEvidence"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/evidence"),
        ["GetEvidence"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/evidence/{t.Evidence}"),
        ["GetEvidenceContent"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/evidence/{t.Evidence}/content"),
        ["UploadEvidence"] = t => new(HttpMethod.Post, $"/api/v1/agencies/{t.Agency}/evidence") { Content = EvidenceFiles.Upload(EvidenceFiles.Png(), "Ảnh.png") },
        ["AddEvidenceLink"] = t => new(HttpMethod.Post, $"/api/v1/agencies/{t.Agency}/evidence/links") { Content = JsonContent.Create(new { url = "https://quangtri.gov.vn", description = "Cổng thông tin" }) },
        ["CreateReport"] = t => new(HttpMethod.Post, "/api/v1/reports") { Content = JsonContent.Create(new { kind = "Periodic", agencyId = t.Agency, planId = t.Plan, deadlineRuleId = t.Reports.SelfAssessmentRule, periodId = "2026" }) },
        ["GetReport"] = t => new(HttpMethod.Get, $"/api/v1/reports/{t.Reports.Accepted.Id}"),
        ["UpdateReportContent"] = t => Versioned(HttpMethod.Put, t.Reports.Draft, string.Empty, new { entries = new[] { new { indexCode = "1", numericValue = 0.5m } } }),
        ["SubmitReport"] = t => Versioned(HttpMethod.Post, t.Reports.Filled, "/submit"),
        ["WithdrawReport"] = t => Versioned(HttpMethod.Post, t.Reports.Submitted, "/withdraw"),
        ["AcceptReport"] = t => Versioned(HttpMethod.Post, t.Reports.Submitted, "/accept"),
        ["ReturnReport"] = t => Versioned(HttpMethod.Post, t.Reports.Submitted, "/return", new { reason = "Bổ sung" }),
        ["ReopenReport"] = t => Versioned(HttpMethod.Post, t.Reports.Returned, "/reopen"),
        ["ReviseReport"] = t => Versioned(HttpMethod.Post, t.Reports.Accepted, "/revise"),
        ["GetReportRequest"] = t => new(HttpMethod.Get, $"/api/v1/report-requests/{t.Request}"),
        ["IssueAdHocRequest"] = t => new(HttpMethod.Post, "/api/v1/report-requests") { Content = JsonContent.Create(AdHocRequest(t.Agency)) },
        ["IssueContributionRequest"] = t => new(HttpMethod.Post, $"/api/v1/agencies/{t.Agency}/contribution-requests")
        {
            Content = JsonContent.Create(new { topic = "Số liệu phối hợp chỉ số 1", assessmentYear = 2026, dueWorkingDays = 5, askedAgencyIds = new[] { t.Cooperator }, askedIndexCodes = new[] { t.LedIndex } }),
        },
        ["ListContributions"] = t => new(HttpMethod.Get, $"/api/v1/agencies/{t.Agency}/contributions"),
        ["ListReportVersions"] = t => new(HttpMethod.Get, $"/api/v1/reports/{t.Reports.Accepted.Id}/versions"),
        ["GetReportVersion"] = t => new(HttpMethod.Get, $"/api/v1/reports/{t.Reports.Accepted.Id}/versions/1"),
        ["GetReportVersionDiff"] = t => new(HttpMethod.Get, $"/api/v1/reports/{t.Reports.Accepted.Id}/versions/2/diff?against=1"),
    };

    /// <summary>One request per filtered list; <c>agencyId</c> narrows it to one agency when given.</summary>
    private static readonly IReadOnlyDictionary<string, Func<Guid, Guid?, string>> FilteredRequests = new Dictionary<string, Func<Guid, Guid?, string>>(StringComparer.Ordinal)
    {
        ["ListTasks"] = (_, agency) => $"/api/v1/tasks?pageSize=100{Narrowed(agency)}",
        ["ListPlanTasks"] = (plan, agency) => $"/api/v1/plans/{plan}/tasks?pageSize=100{Narrowed(agency)}",
        ["ListObligations"] = (_, agency) => $"/api/v1/obligations?{Year2026}&pageSize=100{Narrowed(agency)}",
        ["ListReports"] = (_, agency) => $"/api/v1/reports?pageSize=100{Narrowed(agency)}",
        ["ListReportRequests"] = (_, agency) => $"/api/v1/report-requests?pageSize=100{(agency is null ? string.Empty : $"&issuerAgencyId={agency}")}",
        ["GetCompleteness"] = (plan, agency) => $"/api/v1/reports/completeness?assessmentYear=2026&planId={plan}{Narrowed(agency)}",

        // Naming another agency is a 404 here (ComplianceTests), so these run unnarrowed.
        ["GetCompliance"] = (_, _) => $"/api/v1/compliance?{Year2026}&pageSize=100",
        ["GetComplianceCsv"] = (_, _) => $"/api/v1/compliance.csv?{Year2026}",
    };

    private Guid _plan;
    private Guid _quarterly;
    private Guid _annual;
    private Guid _selfAssessment;
    private Target _own = null!;
    private Target _other = null!;

    [SetUp]
    public async Task CreateTwoAgenciesWithATaskAndObligationsEach()
    {
        var province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị", "2008-01-01");
        var ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        var health = await Client.CreateAgencyId("000.00.32.H50", "Sở Y tế");
        _plan = (await Client.CreatePlan(ApiRequests.PlanBody(province, year: 2026))).GetProperty("id").GetGuid();
        await Client.CreateAssignment(_plan, new { indexCode = "1", leadAgencyId = ict, cooperatingAgencyIds = new[] { health } });
        await Client.CreateAssignment(_plan, new { indexCode = "4", leadAgencyId = health, cooperatingAgencyIds = new[] { ict } });
        _quarterly = await RuleId(ReferenceDeadlineRules.QuangTriQuarterlyName);
        _annual = await RuleId(ReferenceDeadlineRules.QuangTriAnnualName);
        _selfAssessment = await RuleId(ReferenceDeadlineRules.QuangBinhSelfAssessmentName);
        var rules = await Client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{_plan}/reporting-rules", new { ruleIds = new[] { _quarterly, _annual, _selfAssessment } });
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        var ictTask = (await Client.CreateTask(_plan, new { title = "Trung tâm tích hợp dữ liệu", leadAgencyId = ict, dueMonth = "2026-11" })).GetProperty("id").GetGuid();
        var healthTask = (await Client.CreateTask(_plan, new { title = "Bệnh án điện tử", leadAgencyId = health, dueMonth = "2026-12" })).GetProperty("id").GetGuid();
        var issued = await Client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{_plan}/issue", resource: $"/api/v1/plans/{_plan}");
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
        _own = new Target(ict, _plan, ictTask, await EvidenceOf(ict), AgencyReports.None, await RequestOf(ict)) { Cooperator = health };
        _other = new Target(health, _plan, healthTask, await EvidenceOf(health), AgencyReports.None, await RequestOf(health)) { LedIndex = "4", Cooperator = ict };
    }

    private async Task<Guid> RequestOf(Guid agency)
    {
        var issued = await Client.PostAsJsonAsync("/api/v1/report-requests", AdHocRequest(agency));
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task AnotherAgencysIdsGetExactlyTheAnswerOfAMissingObject()
    {
        var scoped = AccessTable.Operations.Where(o => o.Value.Scoped is not null).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        Assert.That(scoped.Keys.Except(ScopedRequests.Keys), Is.Empty, "agency-scoped operations in AccessTable.cs that this test does not run; add a request for each");
        Assert.That(ScopedRequests.Keys.Except(scoped.Keys), Is.Empty, "operations this test runs that AccessTable.cs does not mark agency-scoped");
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _own.Agency);
        var own = _own with { Reports = await ReportsInEveryState(reporter, _own.Agency) };
        var other = _other with { Reports = await OneDraft(await CreateClientAsync(ClientRole.AgencyReporter, _other.Agency), _other.Agency) };
        var missing = new Target(Guid.NewGuid(), _plan, Guid.NewGuid(), Guid.NewGuid(), AgencyReports.Missing(_selfAssessment), Guid.NewGuid()) { Cooperator = Guid.NewGuid() };

        foreach (var (operation, access) in scoped)
        {
            var mine = await reporter.SendAsync(ScopedRequests[operation](own));
            var others = await reporter.SendAsync(ScopedRequests[operation](other));
            var absent = await reporter.SendAsync(ScopedRequests[operation](missing));

            // A role the policy does not admit is refused before the scope: the same 403 whoever owns the object.
            var admitted = access.Roles.Contains(ClientRole.AgencyReporter);
            var expected = admitted ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            Assert.That(admitted ? mine.IsSuccessStatusCode : mine.StatusCode == HttpStatusCode.Forbidden, Is.True,
                $"{operation} on the reporter's own agency: {(int)mine.StatusCode} {await mine.Content.ReadAsStringAsync()}");
            await others.AssertProblem(expected);
            await absent.AssertProblem(expected);
            Assert.That(await Normalised(others, other), Is.EqualTo(await Normalised(absent, missing)), $"{operation}: another agency's object must answer like a missing one");
        }

        var untouched = await InDatabase(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == _other.Task));
        Assert.That((untouched.Version, untouched.ProgressPercent, untouched.Title), Is.EqualTo((1, 0, "Bệnh án điện tử")), "nothing of the other agency's was written");
        Assert.That(await InDatabase(db => db.Evidence.CountAsync(e => e.AgencyId == _other.Agency)), Is.EqualTo(1), "no evidence added to the other agency");
        var otherReport = await InDatabase(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == other.Reports.Draft.Id));
        Assert.That((otherReport.Version, otherReport.State.ToString()), Is.EqualTo((1, "Draft")), "nor of its reports");
    }

    [Test]
    public async Task ListsShowAReporterOnlyItsAgencysObjects()
    {
        var filtered = AccessTable.Operations.Where(o => o.Value.Filtered is not null).Select(o => o.Key).ToList();
        Assert.That(filtered, Is.EquivalentTo(FilteredRequests.Keys), "filtered operations in AccessTable.cs and the lists this test runs differ");
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _own.Agency);
        await OneDraft(reporter, _own.Agency);
        await OneDraft(await CreateClientAsync(ClientRole.AgencyReporter, _other.Agency), _other.Agency);

        foreach (var operation in filtered)
        {
            var everything = await Client.GetStringAsync(FilteredRequests[operation](_plan, null));
            var mine = await Ok(await reporter.GetAsync(FilteredRequests[operation](_plan, null)));
            var asked = await Ok(await reporter.GetAsync(FilteredRequests[operation](_plan, _other.Agency)));

            Assert.That(everything, Does.Contain(_own.Agency.ToString()).And.Contain(_other.Agency.ToString()), $"{operation}: the coordinator sees both agencies");
            Assert.That(mine, Does.Contain(_own.Agency.ToString()).And.Not.Contain(_other.Agency.ToString()), $"{operation}: the reporter's list");
            Assert.That(asked, Does.Not.Contain(_other.Agency.ToString()), $"{operation}: asking for the other agency shows none of it");
        }
    }

    [Test]
    public async Task TheAuditRecordsTheAgencyTheRequestDeclares()
    {
        // Acting for two agencies, the client has no "only agency": the task's lead decides which one it wrote for.
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, _own.Agency, Guid.NewGuid());

        await Ok(await reporter.SendAsync(ScopedRequests["RecordTaskProgress"](_own)));

        var page = await ReadJson(await Client.GetAsync($"/api/v1/audit?entityType=PlanTask&entityId={_own.Task}&pageSize=1"));
        Assert.That(page.GetProperty("items")[0].GetProperty("agencyId").GetGuid(), Is.EqualTo(_own.Agency));
    }

    /// <summary>A request that names the report's version in If-Match (any version for reports the caller cannot reach).</summary>
    private static HttpRequestMessage Versioned(HttpMethod method, ReportAt report, string action, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/reports/{report.Id}{action}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(report.ETag));
        return request;
    }

    /// <summary>
    /// The agency's reports, one per state the scoped operations start from, each on its own obligation of 2026:
    /// a draft (Q1, to edit), a filled draft (Q2, to submit), a submitted one (Q3), a returned one (annual) and an
    /// accepted one with two versions (Q4). Creating one is left for the Quảng Bình self-assessment rule.
    /// </summary>
    private async Task<AgencyReports> ReportsInEveryState(HttpClient reporter, Guid agency)
    {
        var content = new { entries = new[] { new { indexCode = "1", numericValue = 0.5m } } };
        var draft = await Report(reporter.PostAsJsonAsync("/api/v1/reports", Periodic(agency, _quarterly, "2026Q1")));
        var second = await Report(reporter.PostAsJsonAsync("/api/v1/reports", Periodic(agency, _quarterly, "2026Q2")));
        var filled = await Report(reporter.SendWithIfMatch(HttpMethod.Put, $"/api/v1/reports/{second.Id}", content, second.ETag));
        var submitted = await Submit(reporter, await Report(reporter.PostAsJsonAsync("/api/v1/reports", Periodic(agency, _quarterly, "2026Q3"))), content);
        var annual = await Submit(reporter, await Report(reporter.PostAsJsonAsync("/api/v1/reports", Periodic(agency, _annual, "2026"))), content);
        var returned = await Report(Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{annual.Id}/return", new { reason = "Bổ sung" }, annual.ETag));
        var accepted = await Submit(reporter, await Report(reporter.PostAsJsonAsync("/api/v1/reports", Periodic(agency, _quarterly, "2026Q4"))), content);
        accepted = await Report(Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{accepted.Id}/return", new { reason = "Bổ sung" }, accepted.ETag));
        accepted = await Report(reporter.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{accepted.Id}/submit", null, (await Report(reporter.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{accepted.Id}/reopen", null, accepted.ETag))).ETag));
        accepted = await Report(Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{accepted.Id}/accept", null, accepted.ETag));
        return new AgencyReports(draft, filled, submitted, returned, accepted, _selfAssessment);
    }

    private async Task<AgencyReports> OneDraft(HttpClient reporter, Guid agency)
    {
        var draft = await Report(reporter.PostAsJsonAsync("/api/v1/reports", Periodic(agency, _quarterly, "2026Q1")));
        return new AgencyReports(draft, draft, draft, draft, draft, _selfAssessment);
    }

    private object Periodic(Guid agency, Guid rule, string period) => new { kind = "Periodic", agencyId = agency, planId = _plan, deadlineRuleId = rule, periodId = period };

    private static async Task<ReportAt> Submit(HttpClient reporter, ReportAt draft, object content)
    {
        var filled = await Report(reporter.SendWithIfMatch(HttpMethod.Put, $"/api/v1/reports/{draft.Id}", content, draft.ETag));
        return await Report(reporter.SendWithIfMatch(HttpMethod.Post, $"/api/v1/reports/{draft.Id}/submit", null, filled.ETag));
    }

    private static async Task<ReportAt> Report(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return new ReportAt(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), response.Headers.ETag!.ToString());
    }

    private async Task<Guid> RuleId(string name) => await InDatabase(db => db.DeadlineRules.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private static string Narrowed(Guid? agency) => agency is null ? string.Empty : $"&agencyId={agency}";

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    /// <summary>The problem without its trace id and with the addressed ids replaced, so two answers can be compared.</summary>
    private static async Task<string> Normalised(HttpResponseMessage response, Target target)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return $"{response.Content.Headers.ContentType} {problem.ToJsonString(new JsonSerializerOptions())}"
            .Replace(target.Agency.ToString(), "{agency}", StringComparison.Ordinal)
            .Replace(target.Task.ToString(), "{task}", StringComparison.Ordinal)
            .Replace(target.Evidence.ToString(), "{evidence}", StringComparison.Ordinal)
            .Replace(target.Reports.Draft.Id.ToString(), "{report}", StringComparison.Ordinal)
            .Replace(target.Request.ToString(), "{request}", StringComparison.Ordinal);
    }

    private async Task<Guid> EvidenceOf(Guid agency)
    {
        var response = await Client.PostAsync($"/api/v1/agencies/{agency}/evidence", EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo.pdf"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ReadJson(response)).GetProperty("id").GetGuid();
    }

    /// <summary>The ids one request addresses: an agency, a plan's task, a piece of the agency's evidence, and its reports.</summary>
    private sealed record Target(Guid Agency, Guid Plan, Guid Task, Guid Evidence, AgencyReports Reports, Guid Request = default)
    {
        /// <summary>The index the agency leads in the setup, and the agency cooperating on it.</summary>
        public string LedIndex { get; init; } = "1";

        public Guid Cooperator { get; init; }
    }

    /// <summary>An ad hoc request the agency issues to itself (the scope test needs one per agency).</summary>
    private static object AdHocRequest(Guid agency) =>
        new { issuerAgencyId = agency, topic = "Báo cáo nhanh", assessmentYear = 2026, dueDate = "2026-12-15", askedAgencyIds = new[] { agency }, askedIndexCodes = new[] { "1" } };
    /// <summary>A report and the ETag of its current version.</summary>
    private sealed record ReportAt(Guid Id, string ETag);

    /// <summary>An agency's reports in the states the scoped report operations start from.</summary>
    private sealed record AgencyReports(ReportAt Draft, ReportAt Filled, ReportAt Submitted, ReportAt Returned, ReportAt Accepted, Guid SelfAssessmentRule)
    {
        public static readonly AgencyReports None = Missing(Guid.Empty);

        /// <summary>Ids no report has; any version.</summary>
        public static AgencyReports Missing(Guid rule)
        {
            var nowhere = new ReportAt(Guid.NewGuid(), "\"1\"");
            return new AgencyReports(nowhere, nowhere, nowhere, nowhere, nowhere, rule);
        }
    }
}
