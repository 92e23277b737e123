using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.SelfAssessments;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Domain.Clients;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Reminders;
using Dti.Infrastructure.Webhooks;
using Dti.Infrastructure.Persistence.ReferenceData;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// Every read of the API — each list, search, report and single-object GET, with each filter and sort — runs through
/// HTTP on real data (SQLite), and each LINQ query it hands EF is translated for SQL Server and parsed as T-SQL.
/// A query SQL Server cannot run fails here even though no SQL Server runs. Each query is translated as configured
/// (split queries, whose first command is checked) and as one single query, which carries every included collection.
/// </summary>
public sealed class SqlServerQueryTests
{
    private const string Year = "2026";

    /// <summary>operationId and URL; {placeholders} name the data created in <see cref="CreateDataAndStartTheApi"/>.</summary>
    private static readonly (string OperationId, string Url)[] Reads =
    [
        ("ListAgencies", "/api/v1/agencies"),
        ("ListAgencies", "/api/v1/agencies?kind=Department&parentId={province}&activeOn=2026-01-01&q=s%E1%BB%9F%20t%5B_%25&page=2&pageSize=5"),
        ("ListAgencies", "/api/v1/agencies?sort=-name"),
        ("ListAgencies", "/api/v1/agencies?sort=code"),
        ("ListAgencies", "/api/v1/agencies?sort=-code"),
        ("ListAgencies", "/api/v1/agencies?sort=validFrom"),
        ("ListAgencies", "/api/v1/agencies?sort=-validFrom"),
        ("GetAgency", "/api/v1/agencies/{ict}"),
        ("ListIndexAssignments", "/api/v1/assessment-years/2026/indices/1/assignments"),
        ("GetCoverage", "/api/v1/assessment-years/2026/coverage"),
        ("ListAgencyAssignments", "/api/v1/agencies/{police}/assignments"),
        ("ListAgencyAssignments", "/api/v1/agencies/{ict}/assignments?year=2026"),
        ("ListPlanAssignments", "/api/v1/plans/{plan}/assignments"),
        ("ListPlanAssignments", "/api/v1/plans/{plan}/assignments?agencyId={ict}&indexCode=1&sort=-indexCode&page=1&pageSize=10"),
        ("ListPlanAssignments", "/api/v1/plans/{plan}/assignments?sort=indexCode"),
        ("GetAssignment", "/api/v1/plans/{plan}/assignments/{assignment}"),
        ("GetAssignmentHistory", "/api/v1/plans/{plan}/assignments/{assignment}/history"),
        ("ListAuditEntries", "/api/v1/audit"),
        ("ListAuditEntries", "/api/v1/audit?entityType=Plan&entityId={plan}&clientId={client}&agencyId={ict}&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&page=1&pageSize=50"),
        ("GetCalendarDay", "/api/v1/calendar/days/2026-02-16"),
        ("GetHolidays", "/api/v1/calendar/years/2026/holidays"),
        ("GetOfficialSchedule", "/api/v1/calendar/years/2026/official-schedule"),
        ("GetCurrentClient", "/api/v1/me"),
        ("ListClients", "/api/v1/clients"),
        ("ListClients", "/api/v1/clients?includeRevoked=true&page=1&pageSize=10"),
        ("GetClient", "/api/v1/clients/{client}"),
        ("ListDeadlineRules", "/api/v1/deadline-rules"),
        ("ListDeadlineRules", "/api/v1/deadline-rules?frequency=Quarterly&page=1&pageSize=10"),
        ("GetDeadlineRule", "/api/v1/deadline-rules/{rule}"),
        ("GetDeadlineOccurrences", "/api/v1/deadline-rules/{rule}/occurrences?from=2026-01-01&to=2026-12-31"),
        ("GetDeadlineCalendar", "/api/v1/deadline-rules/{rule}/calendar.ics?from=2026-01-01&to=2026-12-31"),
        ("ListFrameworks", "/api/v1/frameworks"),
        ("ListFrameworks", "/api/v1/frameworks?status=Published&year=2022&sort=-firstAssessmentYear&page=1&pageSize=10"),
        ("ListFrameworks", "/api/v1/frameworks?sort=firstAssessmentYear"),
        ("ListFrameworks", "/api/v1/frameworks?sort=code"),
        ("ListFrameworks", "/api/v1/frameworks?sort=-code"),
        ("ListFrameworks", "/api/v1/frameworks?sort=issueDate"),
        ("ListFrameworks", "/api/v1/frameworks?sort=-issueDate"),
        ("GetFramework", "/api/v1/frameworks/QD-922-2022"),
        ("GetIndex", "/api/v1/frameworks/QD-922-2022/indices/1"),
        ("GetFrameworkForYear", "/api/v1/assessment-years/2022/framework"),
        ("ListProvinceUnits", "/api/v1/province-units"),
        ("ListProvinceUnits", "/api/v1/province-units?activeOn=2025-07-01"),
        ("GetResultTable", "/api/v1/official-results/2022"),
        ("GetResultHistory", "/api/v1/province-units/QUANG-TRI-2025/results"),
        ("GetPointsLost", "/api/v1/province-units/CAN-THO/results/2022/points-lost"),
        ("GetPointsLost", "/api/v1/province-units/KHANH-HOA-2025/results/2024/points-lost?fieldSize=34"),
        ("GetResultTable", "/api/v1/official-results/2024?fieldSize=34"),
        ("GetResultTableCsv", "/api/v1/official-results/2022.csv"),
        ("GetResultHistoryCsv", "/api/v1/province-units/QUANG-BINH/results.csv"),
        ("GetPointsLostCsv", "/api/v1/province-units/CAN-THO/results/2022/points-lost.csv"),
        ("GetSelfVsOfficial", "/api/v1/province-units/QUANG-NGAI/results/2023/self-vs-official"),
        ("GetSelfVsOfficial", "/api/v1/province-units/QUANG-NGAI/results/2023/self-vs-official?fieldSize=63"),
        ("GetSelfVsOfficialCsv", "/api/v1/province-units/QUANG-NGAI/results/2023/self-vs-official.csv"),
        ("ListObligations", "/api/v1/obligations?from=2026-01-01&to=2026-12-31"),
        ("ListObligations", "/api/v1/obligations?from=2026-01-01&to=2026-12-31&agencyId={ict}&planId={plan}&status=Upcoming&includeCooperating=true&page=1&pageSize=10"),
        ("GetCompleteness", "/api/v1/reports/completeness?assessmentYear=2026"),
        ("GetCompleteness", "/api/v1/reports/completeness?assessmentYear=2026&periodId=2026Q1&planId={plan}&agencyId={ict}"),
        ("GetCompliance", "/api/v1/compliance?from=2026-01-01&to=2026-12-31"),
        ("GetCompliance", "/api/v1/compliance?from=2026-01-01&to=2026-12-31&agencyKind=Department&agencyId={ict}&page=1&pageSize=10"),
        ("GetComplianceCsv", "/api/v1/compliance.csv?from=2026-01-01&to=2026-12-31&agencyKind=Department"),
        ("ListAgencyObligations", "/api/v1/agencies/{ict}/obligations?from=2026-01-01&to=2026-12-31&includeCooperating=true"),
        ("GetAgencyObligationCalendar", "/api/v1/agencies/{ict}/calendar.ics?from=2026-01-01&to=2026-12-31"),
        ("ListPlans", "/api/v1/plans"),
        ("ListPlans", "/api/v1/plans?kind=Plan&status=Issued&issuerAgencyId={province}&year=2026&parentPlanId={plan}&sort=-issueDate&page=1&pageSize=10"),
        ("ListPlans", "/api/v1/plans?sort=issueDate"),
        ("ListPlans", "/api/v1/plans?sort=documentNumber"),
        ("ListPlans", "/api/v1/plans?sort=-documentNumber"),
        ("GetPlan", "/api/v1/plans/{plan}"),
        ("GetPlanReportingRules", "/api/v1/plans/{plan}/reporting-rules"),
        ("ListTasks", "/api/v1/tasks"),
        ("ListTasks", "/api/v1/tasks?agencyId={police}&dueFrom=2026-01-01&dueTo=2026-12-31&status=InProgress&overdue=true&sort=-dueDate&page=1&pageSize=10"),
        ("ListTasks", "/api/v1/tasks?sort=dueDate"),
        ("ListTasks", "/api/v1/tasks?sort=title"),
        ("ListPlanTasks", "/api/v1/plans/{plan}/tasks"),
        ("ListPlanTasks", "/api/v1/plans/{plan}/tasks?agencyId={ict}&dueFrom=2026-01-01&dueTo=2026-12-31&status=InProgress&overdue=false&sort=title"),
        ("GetTask", "/api/v1/plans/{plan}/tasks/{task}"),
        ("ListTaskProgress", "/api/v1/plans/{plan}/tasks/{task}/progress"),
        ("ListEvidence", "/api/v1/agencies/{ict}/evidence"),
        ("ListEvidence", "/api/v1/agencies/{ict}/evidence?kind=File&page=1&pageSize=10"),
        ("GetEvidence", "/api/v1/agencies/{ict}/evidence/{evidence}"),
        ("GetEvidenceContent", "/api/v1/agencies/{ict}/evidence/{evidence}/content"),
        ("ListReports", "/api/v1/reports"),
        ("ListReports", "/api/v1/reports?agencyId={ict}&kind=Periodic&state=Submitted&assessmentYear=2026&periodId=2026Q1&planId={plan}&page=1&pageSize=10"),
        ("GetReport", "/api/v1/reports/{report}"),
        ("ListReportVersions", "/api/v1/reports/{report}/versions"),
        ("GetReportVersion", "/api/v1/reports/{report}/versions/1"),
        ("GetReportVersionDiff", "/api/v1/reports/{report}/versions/2/diff?against=1"),
        ("ListReportRequests", "/api/v1/report-requests"),
        ("ListReportRequests", "/api/v1/report-requests?kind=Contribution&assessmentYear=2026&issuerAgencyId={ict}&askedAgencyId={police}&page=1&pageSize=10"),
        ("GetReportRequest", "/api/v1/report-requests/{request}"),
        ("ListContributions", "/api/v1/agencies/{ict}/contributions"),
        ("ListContributions", "/api/v1/agencies/{ict}/contributions?assessmentYear=2026&reportRequestId={request}&indexCode=1&page=1&pageSize=10"),
        ("ListWebhooks", "/api/v1/webhooks"),
        ("ListWebhooks", "/api/v1/webhooks?page=1&pageSize=10"),
        ("GetWebhook", "/api/v1/webhooks/{webhook}"),
        ("ListWebhookDeliveries", "/api/v1/webhooks/{webhook}/deliveries?page=1&pageSize=10"),
        ("GetSelfAssessment", "/api/v1/self-assessments/2023"),
        ("ListSnapshots", "/api/v1/self-assessments/2023/snapshots"),
        ("GetSnapshot", "/api/v1/self-assessments/2023/snapshots/1"),
        ("GetSnapshot", "/api/v1/self-assessments/2023/snapshots/1?format=Csv"),
        ("ListSnapshotPulls", "/api/v1/self-assessments/2023/snapshots/pulls"),
        ("GetSigningCertificate", "/api/v1/self-assessments/signing-certificate"),
        ("GetMinistryFigures", "/api/v1/self-assessments/2023/snapshots/1/ministry-figures"),
        ("CompareWithMinistry", "/api/v1/self-assessments/2023/snapshots/1/comparison"),
        ("CompareWithMinistryCsv", "/api/v1/self-assessments/2023/snapshots/1/comparison.csv"),
    ];

    private readonly ProvinceCertificate _certificate = new();

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private TestDatabase _database = null!;
    private DtiApiFactory _factory = null!;
    private HttpClient _client = null!;

    private static IEnumerable<TestCaseData> Cases() =>
        Reads.Select(r => new TestCaseData(r.OperationId, r.Url).SetArgDisplayNames(r.OperationId, r.Url));

    [OneTimeSetUp]
    public async Task CreateDataAndStartTheApi()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Keys read on every request, so that each case translates the authentication query too, whatever ran before it;
        // no background dispatching, whose queries would land in the log between a request's and be taken for its own.
        var settings = new Dictionary<string, string?>(_certificate.Settings)
        {
            ["Auth:KeyCacheSeconds"] = "0",
            ["Outbox:DispatchInBackground"] = "false",
            ["Webhooks:DispatchInBackground"] = "false",
        };
        _factory = new DtiApiFactory(_database, settings, services: services =>
        {
            services.AddSingleton<QueryLog>();
            services.ConfigureDbContext<DtiDbContext>((_, options) => options.ReplaceService<IAsyncQueryProvider, RecordingQueryProvider>());
        });
        _client = _factory.CreateClient();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var coordinator = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateClientCommand(new CreateClientInput("Translation coordinator", null, [ClientRole.Coordinator], null, null)));
            _client.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, coordinator.Value.ApiKey);
            _ids["client"] = coordinator.Value.Client.Id.ToString();

            var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
            _ids["rule"] = (await db.DeadlineRules.SingleAsync(r => r.Name == ReferenceDeadlineRules.QuangTriQuarterlyName)).Id.ToString();
        }

        var province = (await _client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        var ict = await _client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        var police = await _client.CreateAgencyId("000.00.33.H50", "Công an tỉnh");
        var plan = (await _client.CreatePlan(ApiRequests.PlanBody(province, year: 2026))).GetProperty("id").GetGuid();
        var assignment = (await _client.CreateAssignment(plan, new { indexCode = "1", leadAgencyId = ict, cooperatingAgencyIds = new[] { police } })).GetProperty("id").GetGuid();
        var task = (await _client.CreateTask(plan, new { title = "Trung tâm điều hành thông minh", leadAgencyId = ict, cooperatingAgencyIds = new[] { police }, dueMonth = "2026-06", indexCodes = new[] { "1" } })).GetProperty("id").GetGuid();
        await Succeeds(_client.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks/{task}/progress", new { status = "InProgress", percent = 40, asOf = "2026-03-31" }));
        await Succeeds(_client.SendCurrent(HttpMethod.Put, $"/api/v1/plans/{plan}/reporting-rules", new { ruleIds = new[] { Guid.Parse(_ids["rule"]) } }));
        await Succeeds(_client.SendCurrent(HttpMethod.Post, $"/api/v1/plans/{plan}/issue", resource: $"/api/v1/plans/{plan}"));
        var evidence = await _client.PostAsync($"/api/v1/agencies/{ict}/evidence", EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo quý 4.pdf"));
        await Succeeds(Task.FromResult(evidence));
        var evidenceId = JsonNode.Parse(await evidence.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var report = await ReportWithTwoVersions(ict, plan);
        var asked = await _client.PostAsJsonAsync($"/api/v1/agencies/{ict}/contribution-requests", new { topic = "Số liệu chỉ số 1", assessmentYear = 2026, askedAgencyIds = new[] { police }, askedIndexCodes = new[] { "1" }, dueWorkingDays = 5 });
        await Succeeds(Task.FromResult(asked));
        var request = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var subscribed = await _client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://eoffice.quangtri.gov.vn/hooks/dti", eventTypes = new[] { "task.overdue" } });
        await Succeeds(Task.FromResult(subscribed));
        var webhook = JsonNode.Parse(await subscribed.Content.ReadAsStringAsync())!["webhook"]!["id"]!.GetValue<Guid>();
        await FinalisedSelfAssessmentOf2023();
        foreach (var (name, id) in new[] { ("province", province), ("ict", ict), ("police", police), ("plan", plan), ("assignment", assignment), ("task", task), ("evidence", evidenceId), ("report", report), ("request", request), ("webhook", webhook) })
        {
            _ids[name] = id.ToString();
        }
    }

    /// <summary>Sở TT&amp;TT's 2026Q1 report, submitted, returned and submitted again.</summary>
    private async Task<Guid> ReportWithTwoVersions(Guid ict, Guid plan)
    {
        string key;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateClientCommand(new CreateClientInput("Translation reporter", null, [ClientRole.AgencyReporter], [ict], null)))).Value.ApiKey;
        }

        using var reporter = _factory.CreateClient();
        reporter.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, key);
        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new { kind = "Periodic", agencyId = ict, planId = plan, deadlineRuleId = _ids["rule"], periodId = "2026Q1" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var report = $"/api/v1/reports/{(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]}";
        foreach (var score in new[] { 60m, 70m })
        {
            await Succeeds(reporter.SendCurrent(HttpMethod.Put, report, new { entries = new[] { new { indexCode = "1", numericValue = 0.5m, score } }, results = "Kết quả" }));
            await Succeeds(reporter.SendCurrent(HttpMethod.Post, $"{report}/submit", resource: report));
            if (score == 60m)
            {
                await Succeeds(_client.SendCurrent(HttpMethod.Post, $"{report}/return", new { reason = "Bổ sung", indexNotes = new[] { new { indexCode = "1", note = "Thiếu minh chứng" } } }, report));
            }
        }

        return Guid.Parse(report[(report.LastIndexOf('/') + 1)..]);
    }

    /// <summary>The 2023 self-assessment (QĐ 922), opened and finalised into revision 1.</summary>
    private async Task FinalisedSelfAssessmentOf2023()
    {
        string rule;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            rule = (await scope.ServiceProvider.GetRequiredService<DtiDbContext>().DeadlineRules.SingleAsync(r => r.Name == ReferenceDeadlineRules.QuangBinhSelfAssessmentName)).Id.ToString();
        }

        await Succeeds(_client.PostAsJsonAsync("/api/v1/self-assessments", new { assessmentYear = 2023, deadlineRuleId = rule }));
        await Succeeds(_client.SendCurrent(HttpMethod.Post, "/api/v1/self-assessments/2023/finalise", resource: "/api/v1/self-assessments/2023"));
        await Succeeds(_client.PutNew("/api/v1/self-assessments/2023/snapshots/1/ministry-figures", new { source = "Quyết định (minh họa)", figures = new[] { new { code = "7", appraisedValue = 0.8m, finalValue = 0.82m } } }));
    }

    [OneTimeTearDown]
    public async Task StopTheApi()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        _certificate.Dispose();
    }

    [Test]
    public async Task EveryReadOperationOfTheApiIsCovered()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var reads = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Where(op => op.Key == "get").Select(op => (string)op.Value!["operationId"]!);

        Assert.That(reads.Except(Reads.Select(r => r.OperationId)), Is.Empty, "add a case to SqlServerQueryTests.Reads for each new read operation");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task TheQueriesOfEveryReadTranslateForSqlServer(string operationId, string url)
    {
        var log = _factory.Services.GetRequiredService<QueryLog>();
        log.Take();

        var response = await _client.GetAsync(_ids.Aggregate(url, (u, id) => u.Replace($"{{{id.Key}}}", id.Value, StringComparison.Ordinal)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{operationId}: {await response.Content.ReadAsStringAsync()}");
        var queries = log.Take();
        Assert.That(queries, Is.Not.Empty, "every read asks the database at least to authenticate the caller");
        Assert.Multiple(() =>
        {
            foreach (var query in queries)
            {
                foreach (var splitting in new[] { QuerySplittingBehavior.SplitQuery, QuerySplittingBehavior.SingleQuery })
                {
                    SqlServerSchema.Parse(SqlServerTranslation.Translate(query, splitting));
                }
            }
        });
    }

    /// <summary>
    /// The Idempotency-Key store's statements — claim, replay, mismatch, expired-row clean-up, completion, release — are
    /// LINQ too (reads, inserts, ExecuteUpdate and ExecuteDelete): each translates for SQL Server.
    /// </summary>
    [Test]
    public async Task TheIdempotencyKeyQueriesTranslateForSqlServer()
    {
        var log = _factory.Services.GetRequiredService<QueryLog>();
        log.Take();
        var body = new { code = "000.00.40.H50", fullName = "Sở Tư pháp tỉnh Quảng Trị", shortName = "Sở Tư pháp", kind = "Department", validFrom = "2020-01-01" };
        foreach (var (key, code) in new[] { ("translate-1", body.code), ("translate-1", body.code), ("translate-1", "000.00.41.H50"), ("translate-2", body.code) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies") { Content = JsonContent.Create(body with { code = code }) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _client.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.AnyOf(201, 409, 422), await response.Content.ReadAsStringAsync());
        }

        var queries = log.Take();
        Assert.That(queries.Select(q => q.ToString()), Has.Some.Contains("ExecuteUpdate").And.Some.Contains("ExecuteDelete"), "completion, clean-up and release were recorded");
        Assert.Multiple(() =>
        {
            foreach (var query in queries)
            {
                SqlServerSchema.Parse(SqlServerTranslation.Translate(query, QuerySplittingBehavior.SplitQuery));
            }
        });
    }

    /// <summary>
    /// The three row claims — outbox messages, webhook deliveries, the reminder scan's turn — are LINQ marked with
    /// <see cref="RowClaims.SkipLockedForUpdate{T}"/>: for SQL Server each becomes a T-SQL statement that parses and locks
    /// its first table with <c>UPDLOCK, READPAST</c> (so that instances skip each other's rows instead of waiting).
    /// </summary>
    [Test]
    public void TheRowClaimsTranslateForSqlServerWithReadPastLocks()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var now = DateTimeOffset.UtcNow;
        var claims = new (string Table, IQueryable Query)[]
        {
            ("OutboxMessages", _factory.Services.GetRequiredService<OutboxDispatcher>().ClaimQuery(db, now)),
            ("WebhookDeliveries", _factory.Services.GetRequiredService<WebhookDispatcher>().ClaimQuery(db, now)),
            ("ReminderScanClaims", ReminderScanner.ClaimQuery(db)),
        };

        Assert.Multiple(() =>
        {
            foreach (var (table, query) in claims)
            {
                var sql = SqlServerTranslation.Translate(query.Expression, QuerySplittingBehavior.SplitQuery);
                SqlServerSchema.Parse(sql);
                Assert.That(sql, Does.Match($@"FROM \[{table}\] AS \[\w+\] WITH \(UPDLOCK, READPAST, ROWLOCK\)"), sql);
            }
        });
    }

    private static async Task Succeeds(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
