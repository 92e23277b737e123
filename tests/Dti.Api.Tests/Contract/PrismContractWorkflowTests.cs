using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.SelfAssessments;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// The API served on a real port behind Prism, a validating proxy reading openapi/v1.json. One workflow —
/// Quảng Trị running DTI 2023 under Plan 170/KH-UBND — calls every operation of the contract, on its success
/// path and its main error paths. The test fails on any status the step does not expect (5xx included), on any
/// response that breaks the contract, on any request that breaks it unless the step means to, on any
/// violation Prism logs that no response reported, and on any operation left uncalled. It lists every
/// failure, not only the first.
/// </summary>
public sealed class PrismContractWorkflowTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private readonly ServerErrorLog _errors = new();
    private readonly ContractDocument _contract = ContractDocument.Load();
    private ContractCalls _calls = null!;
    private PrismProxy? _prism;
    private HttpClient _proxy = null!;
    private HttpClient _api = null!;

    private Caller _coordinator = null!;
    private Caller _reporter = null!;
    private Caller _reader = null!;
    private Caller _ministry = null!;
    private readonly Caller _anonymous = new("anonymous", null);
    private readonly Caller _wrongKey = new("an unknown key", "dti_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    private Guid _province;
    private Guid _ict;
    private Guid _evidence;
    private Guid _home;
    private Guid _police;
    private Guid _science;
    private Guid _plan170;
    private Guid _plan200;

    private readonly ProvinceCertificate _certificate = new();

    protected override IReadOnlyDictionary<string, string?> Settings => _certificate.Settings;

    [OneTimeTearDown]
    public void DeleteCertificate() => _certificate.Dispose();

    protected override DtiApiFactory CreateFactory(TestDatabase database)
    {
        var factory = new DtiApiFactory(database, Settings, _errors);
        factory.UseKestrel(0);
        return factory;
    }

    [SetUp]
    public async Task StartPrism()
    {
        var api = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _prism = await PrismProxy.StartAsync(ContractDocument.FilePath, api);
        _proxy = new HttpClient { BaseAddress = _prism.Address };
        _api = new HttpClient { BaseAddress = api };
        _calls = new ContractCalls(_contract);
        _coordinator = new Caller("Coordinator", Coordinator.ApiKey);
    }

    [TearDown]
    public async Task StopPrism()
    {
        _proxy?.Dispose();
        _api?.Dispose();
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }
    }

    [Test]
    public async Task AWorkflowThroughPrismCallsEveryOperationAndKeepsToTheContract()
    {
        var prism = _prism!;
        var stopped = string.Empty;
        try
        {
            await ReferenceFrameworks();
            await Agencies();
            await Clients();
            await FrameworkImport();
            await PlansAndReportingRules();
            await Assignments();
            await Tasks();
            await Evidence();
            await RetriedCreations();
            await PlanLifecycle();
            await Obligations();
            await Reports();
            await Completeness();
            await Compliance();
            await RequestsAndContributions();
            await Webhooks();
            await SelfAssessment();
            await DeadlineRules();
            await WorkingCalendar();
            await AuditAndMediaTypes();
            await SuccessionAndSupersession();
            await OfficialResults();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or JsonException)
        {
            // A step whose result the next steps need failed: report it with everything found so far.
            stopped = $"The workflow stopped after {_calls.Count} requests: {e}\n";
        }
        finally
        {
            // Stopped before counting, so that every line Prism wrote has been read.
            await prism.DisposeAsync();
        }

        var logged = prism.Output.Count(l => l.Contains("Violation:", StringComparison.Ordinal));
        var reported = _calls.ReportedViolations;
        var prismErrors = prism.Output.Where(l => l.Contains('✖') && !l.Contains("Violation:", StringComparison.Ordinal)).ToList();
        var covered = _contract.Operations.Count - _calls.Uncovered.Count;
        TestSummary.Write(
            $"Prism contract workflow ({Provider}): {_calls.Count} requests, {covered} of {_contract.Operations.Count} operations, {_calls.Violations.Count} violations ({_calls.DistinctViolations.Count} distinct)");
        if (_calls.UndeclaredRules.Count > 0)
        {
            TestContext.Out.WriteLine("Refused with 400 although the contract allows the request (rules the contract does not state):");
            TestContext.Out.WriteLine(string.Join('\n', _calls.UndeclaredRules.Select(c => $"- {c.Operation?.OperationId}: {c.Method} {c.Uri}")));
        }

        var report = stopped + _calls.Report();
        if (logged != reported)
        {
            report += $"Prism logged {logged} violations, the responses reported {reported}:\n{string.Join('\n', prism.Output.Where(l => l.Contains("Violation:", StringComparison.Ordinal)))}\n";
        }

        if (prismErrors.Count > 0)
        {
            report += $"Prism reported errors:\n{string.Join('\n', prismErrors)}\n";
        }

        Assert.That(report, Is.Empty, "the workflow through Prism found these failures");
    }

    /// <summary>Who am I, and the frameworks loaded as reference data.</summary>
    private async Task ReferenceFrameworks()
    {
        await Get(_coordinator, "/api/v1/me", 200);
        await Get(_anonymous, "/api/v1/me", 401, breaksContract: true);
        await Get(_wrongKey, "/api/v1/frameworks", 401);

        await Get(_coordinator, "/api/v1/frameworks?status=Published&sort=-firstAssessmentYear&page=1&pageSize=20", 200);
        await Get(_coordinator, "/api/v1/frameworks?pageSize=101", 400, breaksContract: true);
        await Get(_coordinator, "/api/v1/assessment-years/2022/framework", 200);
        await Get(_coordinator, "/api/v1/assessment-years/2019/framework", 404);
        await Get(_coordinator, "/api/v1/assessment-years/1999/framework", 400, breaksContract: true);
        await Get(_coordinator, "/api/v1/frameworks/QD-922-2022", 200);
        await Get(_coordinator, "/api/v1/frameworks/QD-1-1999", 404);
        await Get(_coordinator, "/api/v1/frameworks/QD-922-2022/indices/7", 200);
        await Get(_coordinator, "/api/v1/frameworks/QD-922-2022/indices/7.99", 404);
    }

    /// <summary>The province's people's committee and the departments that answer for indices.</summary>
    private async Task Agencies()
    {
        _province = (await Post(_coordinator, "/api/v1/agencies", Agency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01"), 201)).Id;
        _ict = (await Post(_coordinator, "/api/v1/agencies", Agency("000.00.31.H50", "Sở Thông tin và Truyền thông Quảng Trị", "Sở TT&TT", parentId: _province), 201)).Id;
        _home = (await Post(_coordinator, "/api/v1/agencies", Agency("000.00.32.H50", "Sở Nội vụ tỉnh Quảng Trị", "Sở Nội vụ", parentId: _province), 201)).Id;
        _police = (await Post(_coordinator, "/api/v1/agencies", Agency("000.00.33.H50", "Công an tỉnh Quảng Trị", "Công an tỉnh", "SectorAgency", parentId: _province), 201)).Id;
        _science = (await Post(_coordinator, "/api/v1/agencies", Agency("000.00.35.H50", "Sở Khoa học và Công nghệ tỉnh Quảng Trị", "Sở KH&CN", parentId: _province), 201)).Id;
        await Post(_coordinator, "/api/v1/agencies", Agency("000.00.31.H50", "Sở Thông tin và Truyền thông (trùng mã)", "Trùng mã"), 409);
        await Post(_coordinator, "/api/v1/agencies", Agency("000-00-31-H50", "Sở Tư pháp tỉnh Quảng Trị", "Sở Tư pháp"), 400, breaksContract: true);
        await Post(_coordinator, "/api/v1/agencies", Agency("000.00.34.H50", "Sở Tư pháp tỉnh Quảng Trị", "Sở Tư pháp", parentId: Guid.NewGuid()), 422);
        await Post(_coordinator, "/api/v1/agencies", Agency("000.00.34.H50", "Sở Tư pháp tỉnh Quảng Trị", "Sở Tư pháp", validTo: "2019-12-31"), 422);
        await Post(_anonymous, "/api/v1/agencies", Agency("000.00.34.H50", "Sở Tư pháp tỉnh Quảng Trị", "Sở Tư pháp"), 401, breaksContract: true);

        await Get(_coordinator, $"/api/v1/agencies?q={Uri.EscapeDataString("quang tri")}&sort=code", 200);
        await Get(_coordinator, $"/api/v1/agencies?kind=Department&parentId={_province}&activeOn=2026-01-01", 200);
        await Get(_coordinator, "/api/v1/agencies?pageSize=0", 400, breaksContract: true);
        var home = await Get(_coordinator, $"/api/v1/agencies/{_home}", 200);
        await Get(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}", 404);
        var renamed = Agency("000.00.32.H50", "Sở Nội vụ tỉnh Quảng Trị", "SNV", parentId: _province);
        await Put(_coordinator, $"/api/v1/agencies/{_home}", renamed, 200, home.ETag);
        await Put(_coordinator, $"/api/v1/agencies/{_home}", renamed, 412, home.ETag);
        await Put(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}", renamed, 404);
    }

    /// <summary>The systems that call the API: the ICT department's reporting system, the provincial data portal, the ministry.</summary>
    private async Task Clients()
    {
        var reporter = await Post(_coordinator, "/api/v1/clients", new { name = "Hệ thống báo cáo Sở TT&TT Quảng Trị", contact = "cntt@stttt.quangtri.gov.vn", roles = new[] { "AgencyReporter" }, agencyIds = new[] { _ict } }, 201);
        _reporter = new Caller("AgencyReporter (Sở TT&TT)", reporter.Json.GetProperty("apiKey").GetString());
        _reader = new Caller("Reader", (await Post(_coordinator, "/api/v1/clients", new { name = "Cổng dữ liệu mở tỉnh Quảng Trị", roles = new[] { "Reader" } }, 201)).Json.GetProperty("apiKey").GetString());
        _ministry = new Caller("Ministry", (await Post(_coordinator, "/api/v1/clients", new { name = "Cục Chuyển đổi số quốc gia", roles = new[] { "Ministry" } }, 201)).Json.GetProperty("apiKey").GetString());
        await Post(_coordinator, "/api/v1/clients", new { name = "Hệ thống báo cáo Sở Y tế", roles = new[] { "AgencyReporter" } }, 400);
        await Post(_reader, "/api/v1/clients", new { name = "Tự cấp quyền", roles = new[] { "Coordinator" } }, 403);

        var trial = (await Post(_coordinator, "/api/v1/clients", new { name = "Hệ thống thử nghiệm", roles = new[] { "Reader" }, expiresAt = "2099-12-31T17:00:00Z" }, 201)).Json.GetProperty("client").GetProperty("id").GetGuid();
        await Get(_coordinator, "/api/v1/clients?page=1&pageSize=10&includeRevoked=true", 200);
        await Get(_coordinator, $"/api/v1/clients/{trial}", 200);
        await Get(_coordinator, $"/api/v1/clients/{Guid.NewGuid()}", 404);
        await Get(_reader, "/api/v1/clients", 403);
        await Post(_coordinator, $"/api/v1/clients/{trial}/rotate-key", null, 200);
        await Post(_coordinator, $"/api/v1/clients/{trial}/revoke", null, 200);
        await Post(_coordinator, $"/api/v1/clients/{trial}/rotate-key", null, 409);
        await Post(_coordinator, $"/api/v1/clients/{Guid.NewGuid()}/rotate-key", null, 404);
        await Post(_coordinator, $"/api/v1/clients/{Guid.NewGuid()}/revoke", null, 404);
    }

    /// <summary>A framework for earlier years: imported as a draft, edited, completed from CSV, published.</summary>
    private async Task FrameworkImport()
    {
        var body = FrameworkBodies.Complete();
        body["componentIndices"] = new JsonArray();
        var created = await Post(_coordinator, "/api/v1/frameworks", body, 201);
        await Post(_coordinator, "/api/v1/frameworks", body, 409);
        await Post(_reader, "/api/v1/frameworks", body, 403);
        var misspelt = FrameworkBodies.Complete("TEST-2017", 2017, 2018);
        misspelt["mainIndices"]![0]!.AsObject().Add("maxPonts", 100);
        await Post(_coordinator, "/api/v1/frameworks", misspelt, 400, breaksContract: true);

        body["titleEn"] = "Provincial Digital Transformation Index (2015 trial)";
        var edited = await Put(_coordinator, "/api/v1/frameworks/TEST-2015", body, 200, created.ETag);
        await Put(_coordinator, "/api/v1/frameworks/TEST-2015", body, 412, created.ETag);
        await Put(_coordinator, "/api/v1/frameworks/QD-922-2022", FrameworkBodies.Complete("QD-922-2022", 2021, 2023), 409);
        await Put(_coordinator, "/api/v1/frameworks/NOPE-1", FrameworkBodies.Complete("NOPE-1"), 404);

        const string components = """
            code,mainIndexCode,order,nameVi,maxPoints,measureType,unit,evidenceRequired,isSample
            7.1,7,1,"Tỷ lệ hồ sơ trực tuyến toàn trình, mẫu",120,Percentage,%,true,true
            7.2,7,2,Tỷ lệ số hóa hồ sơ (mẫu),80,Percentage,%,false,true
            """;
        await Send(_coordinator, HttpMethod.Post, "/api/v1/frameworks/TEST-2015/component-indices/import", 200, Csv(components));
        await Send(_coordinator, HttpMethod.Post, "/api/v1/frameworks/TEST-2015/component-indices/import", 400, Csv("code,mainIndexCode,nameVi,maxPoints,measureType\n7.3,7,,abc,Colour\n"));
        await Send(_coordinator, HttpMethod.Post, "/api/v1/frameworks/QD-922-2022/component-indices/import", 409, Csv("code,mainIndexCode,nameVi,measureType\n7.1,7,X,Count\n"));
        await Get(_coordinator, "/api/v1/frameworks/TEST-2015/indices/7.2", 200);

        await Post(_coordinator, "/api/v1/frameworks/QD-405-2025/publish", null, 422);
        await Post(_coordinator, "/api/v1/frameworks/TEST-2015/publish", null, 412, edited.ETag);
        await Post(_coordinator, "/api/v1/frameworks/TEST-2015/publish", null, 200);
        await Post(_coordinator, "/api/v1/frameworks/TEST-2015/publish", null, 409);
        await Post(_coordinator, "/api/v1/frameworks/NOPE-1/publish", null, 404);
    }

    /// <summary>Plan 170/KH-UBND and the reference rules its agencies report by.</summary>
    private async Task PlansAndReportingRules()
    {
        var quarterly = await RuleId("Quarterly", ReferenceDeadlineRules.QuangTriQuarterlyName);
        var annual = await RuleId("Annual", ReferenceDeadlineRules.QuangTriAnnualName);

        _plan170 = (await Post(_coordinator, "/api/v1/plans", Plan170(), 201)).Id;
        await Post(_coordinator, "/api/v1/plans", Plan170(), 409);
        await Post(_coordinator, "/api/v1/plans", ApiRequests.PlanBody(Guid.NewGuid(), "171/KH-UBND"), 422);
        await Post(_reader, "/api/v1/plans", ApiRequests.PlanBody(_province, "172/KH-UBND"), 403);
        _plan200 = (await Post(_coordinator, "/api/v1/plans", ApiRequests.PlanBody(_province, "200/KH-UBND"), 201)).Id;

        await Get(_coordinator, "/api/v1/plans?year=2023&status=Draft&sort=documentNumber", 200);
        await Get(_reader, $"/api/v1/plans?issuerAgencyId={_province}", 200);
        var plan = await Get(_coordinator, $"/api/v1/plans/{_plan170}", 200);
        await Get(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}", 404);
        var updated = await Put(_coordinator, $"/api/v1/plans/{_plan170}", Plan170(), 200, plan.ETag);
        await Put(_coordinator, $"/api/v1/plans/{_plan170}", Plan170(), 412, plan.ETag);

        await Get(_coordinator, $"/api/v1/plans/{_plan170}/reporting-rules", 200);
        await Get(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/reporting-rules", 404);
        await Put(_coordinator, $"/api/v1/plans/{_plan170}/reporting-rules", new { ruleIds = new[] { quarterly, annual } }, 200, updated.ETag);
        await Put(_coordinator, $"/api/v1/plans/{_plan170}/reporting-rules", new { ruleIds = new[] { annual } }, 412, updated.ETag);
        await Put(_coordinator, $"/api/v1/plans/{_plan170}/reporting-rules", new { ruleIds = new[] { annual, Guid.NewGuid() } }, 422);
    }

    /// <summary>Who answers for which index of QĐ 922 in 2023.</summary>
    private async Task Assignments()
    {
        var url = $"/api/v1/plans/{_plan170}/assignments";
        await Post(_coordinator, url, new { indexCode = "1", leadAgencyId = _ict }, 201);
        await Post(_coordinator, url, new { indexCode = "2", leadAgencyId = _ict }, 201);
        var homeAffairs = (await Post(_coordinator, url, new { indexCode = "4", leadAgencyId = _home, cooperatingAgencyIds = new[] { _police }, responsiblePersonName = "Nguyễn Văn A", responsiblePersonTitle = "Phó Giám đốc", targetPoints = 70m }, 201)).Id;
        var security = (await Post(_coordinator, url, new { indexCode = "5", leadAgencyId = _ict, cooperatingAgencyIds = new[] { _home } }, 201)).Id;
        await Post(_coordinator, url, new { indexCode = "7", leadAgencyId = _ict, cooperatingAgencyIds = new[] { _home } }, 201);
        await Post(_coordinator, url, new { indexCode = "7", leadAgencyId = _home }, 409);
        await Post(_coordinator, url, new { indexCode = "7.99", leadAgencyId = _ict }, 422);
        await Post(_coordinator, url, new { indexCode = "8", leadAgencyId = _ict, targetPoints = 200.5m }, 422);
        await Post(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/assignments", new { indexCode = "7", leadAgencyId = _ict }, 404);

        await Get(_coordinator, $"{url}?agencyId={_ict}&pageSize=10&sort=-indexCode", 200);
        var assignment = await Get(_coordinator, $"{url}/{homeAffairs}", 200);
        await Get(_coordinator, $"{url}/{Guid.NewGuid()}", 404);
        var terms = new { responsiblePersonName = "Nguyễn Văn A", responsiblePersonTitle = "Phó Giám đốc Sở Nội vụ", targetPoints = 80m };
        await Put(_coordinator, $"{url}/{homeAffairs}", terms, 200, assignment.ETag);
        await Put(_coordinator, $"{url}/{homeAffairs}", terms, 412, assignment.ETag);
        await Put(_coordinator, $"{url}/{homeAffairs}", new { targetPoints = 150m }, 422);

        var before = await Get(_coordinator, $"{url}/{security}", 200);
        var reassign = new { leadAgencyId = _police, cooperatingAgencyIds = new[] { _ict }, reason = "Công an tỉnh chủ trì an toàn thông tin mạng" };
        await Post(_coordinator, $"{url}/{security}/reassign", reassign, 200, before.ETag);
        await Post(_coordinator, $"{url}/{security}/reassign", reassign, 412, before.ETag);
        await Get(_coordinator, $"{url}/{security}/history", 200);
        await Get(_coordinator, $"{url}/{Guid.NewGuid()}/history", 404);

        await Get(_reader, "/api/v1/assessment-years/2023/indices/7/assignments", 200);
        await Get(_coordinator, "/api/v1/assessment-years/2023/coverage", 200);
        await Get(_coordinator, "/api/v1/assessment-years/2019/coverage", 404);
        await Get(_reporter, $"/api/v1/agencies/{_ict}/assignments?year=2023", 200);
        await Get(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}/assignments", 404);
        await Get(_ministry, $"/api/v1/agencies/{_ict}/assignments", 403);
    }

    /// <summary>Tasks of Plan 170 and the ICT department reporting its progress.</summary>
    private async Task Tasks()
    {
        var url = $"/api/v1/plans/{_plan170}/tasks";
        var dataCentre = new
        {
            title = "Xây dựng Trung tâm Tích hợp dữ liệu tỉnh trên nền tảng điện toán đám mây",
            leadAgencyId = _ict,
            cooperatingAgencyIds = new[] { _home },
            dueMonth = "2023-11",
            indexCodes = new[] { "3" },
        };
        var task = (await Post(_coordinator, url, dataCentre, 201)).Id;
        await Post(_coordinator, url, new { title = "Tập huấn kỹ năng số cho cán bộ, công chức", leadAgencyId = _home, dueDate = "2023-12-15", indexCodes = new[] { "4" } }, 201);
        await Post(_coordinator, url, new { title = "Hội nghị truyền hình 4 cấp", leadAgencyId = _ict, dueDate = "2023-11-15", dueMonth = "2023-11" }, 422);
        await Post(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/tasks", dataCentre, 404);

        await Get(_coordinator, $"{url}?agencyId={_ict}&status=NotStarted&page=1&pageSize=20", 200);
        await Get(_reporter, $"/api/v1/tasks?agencyId={_ict}&overdue=true", 200);
        var read = await Get(_coordinator, $"{url}/{task}", 200);
        await Get(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/tasks/{task}", 404);
        var widened = new
        {
            dataCentre.title,
            dataCentre.leadAgencyId,
            cooperatingAgencyIds = new[] { _home, _police },
            dataCentre.dueMonth,
            dataCentre.indexCodes,
            reason = "Bổ sung Công an tỉnh phối hợp bảo đảm an toàn thông tin",
        };
        await Put(_coordinator, $"{url}/{task}", widened, 200, read.ETag);
        await Put(_coordinator, $"{url}/{task}", widened, 412, read.ETag);

        var progress = $"{url}/{task}/progress";
        await Post(_reporter, progress, new { status = "InProgress", percent = 40, note = "Đã hoàn thành khảo sát hạ tầng", asOf = "2023-10-31" }, 200);
        await Post(_reporter, progress, new { status = "InProgress", percent = 101 }, 400, breaksContract: true);
        await Post(_ministry, progress, new { status = "InProgress", percent = 50 }, 403);
        await Post(_reporter, progress, new { status = "Done", percent = 90 }, 422);
        await Post(_reporter, progress, new { status = "Done", percent = 100, asOf = "2023-12-15" }, 200);
        await Post(_reporter, progress, new { status = "InProgress", percent = 100 }, 409);
        await Get(_reporter, progress, 200);
        await Get(_coordinator, $"{url}/{Guid.NewGuid()}/progress", 404);
    }

    /// <summary>
    /// The ICT department's evidence for index 7: its signed report, a spreadsheet, a link to the portal's statistics.
    /// Uploads are sent as browsers send them, since Prism's multipart parser stops the proxy on the MIME-encoded file
    /// names HttpClient writes (<c>filename="=?utf-8?B?…?="</c>), and are PDFs, whose bytes here are ASCII: Prism
    /// forwards a body as text, which changes other bytes (binary types are tested without Prism, in EvidenceTests).
    /// </summary>
    private async Task Evidence()
    {
        var url = $"/api/v1/agencies/{_ict}/evidence";
        var report = await Send(_reporter, HttpMethod.Post, url, 201, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf(), "Báo cáo quý 4.pdf", "Báo cáo kết quả chuyển đổi số quý 4/2023, bản ký số"), idempotencyKey: "bao-cao-quy-4");
        await Send(_reporter, HttpMethod.Post, url, 201, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf(), "Báo cáo quý 4.pdf", "Báo cáo kết quả chuyển đổi số quý 4/2023, bản ký số"), idempotencyKey: "bao-cao-quy-4");
        await Send(_reporter, HttpMethod.Post, url, 422, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf("Bao cao quy 3"), "Báo cáo quý 3.pdf"), idempotencyKey: "bao-cao-quy-4");
        await Send(_reporter, HttpMethod.Post, url, 201, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf("Ke hoach 170"), "Kế hoạch 170.pdf"));
        await Send(_reporter, HttpMethod.Post, url, 422, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf(), "Số liệu.xlsx"));
        await Send(_reporter, HttpMethod.Post, url, 422, EvidenceFiles.BrowserUpload(EvidenceFiles.Html(), "Báo cáo.html"));
        await Send(_reporter, HttpMethod.Post, $"/api/v1/agencies/{_home}/evidence", 404, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf(), "Báo cáo.pdf"));
        await Send(_reader, HttpMethod.Post, url, 403, EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf(), "Báo cáo.pdf"));
        var link = await Post(_reporter, $"{url}/links", new { url = "https://dichvucong.quangtri.gov.vn/thong-ke?nam=2023", description = "Thống kê hồ sơ trực tuyến toàn trình năm 2023" }, 201);
        await Post(_reporter, $"{url}/links", new { url = "ftp://files.quangtri.gov.vn/bao-cao.pdf", description = "Báo cáo" }, 400, breaksContract: true);
        await Post(_reporter, $"{url}/links", new { url = "https://user:secret@quangtri.gov.vn/", description = "Báo cáo" }, 422);

        await Get(_reporter, $"{url}?kind=File&page=1&pageSize=10", 200);
        await Get(_coordinator, url, 200);
        await Get(_reporter, $"/api/v1/agencies/{_home}/evidence", 404);
        _evidence = report.Id;
        await Get(_reporter, $"{url}/{report.Id}", 200);
        await Get(_reporter, $"{url}/{Guid.NewGuid()}", 404);
        await Get(_reporter, $"{url}/{report.Id}/content", 200, accept: "application/pdf");
        await Get(_reporter, $"{url}/{link.Id}/content", 404);
        await Get(_ministry, $"{url}/{report.Id}/content", 403);
    }

    /// <summary>A client retries creations it is not sure went through, under Idempotency-Key.</summary>
    private async Task RetriedCreations()
    {
        var plan = ApiRequests.PlanBody(_province, "171/KH-UBND");
        await Send(_coordinator, HttpMethod.Post, "/api/v1/plans", 201, JsonContent.Create(plan, options: Json), idempotencyKey: "\"ke-hoach-171\"");
        await Send(_coordinator, HttpMethod.Post, "/api/v1/plans", 201, JsonContent.Create(plan, options: Json), idempotencyKey: "\"ke-hoach-171\"");
        await Send(_coordinator, HttpMethod.Post, "/api/v1/plans", 422, JsonContent.Create(ApiRequests.PlanBody(_province, "172/KH-UBND"), options: Json), idempotencyKey: "\"ke-hoach-171\"");
        await Send(_coordinator, HttpMethod.Post, "/api/v1/plans", 400, JsonContent.Create(plan, options: Json), breaksContract: true, idempotencyKey: new string('k', 300));
    }

    /// <summary>Plan 170 is issued; a detailed plan of the ICT department is issued and closed.</summary>
    private async Task PlanLifecycle()
    {
        await Post(_coordinator, $"/api/v1/plans/{_plan200}/close", null, 409);
        await Post(_coordinator, $"/api/v1/plans/{_plan200}/supersede", new { supersededById = _plan170 }, 409);
        var plan = await Get(_coordinator, $"/api/v1/plans/{_plan170}", 200);
        await Post(_coordinator, $"/api/v1/plans/{_plan170}/issue", null, 200, plan.ETag);
        await Post(_coordinator, $"/api/v1/plans/{_plan170}/issue", null, 409);
        await Post(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/issue", null, 404);

        var detailed = (await Post(_coordinator, "/api/v1/plans", new
        {
            kind = "Plan",
            documentNumber = "12/KH-STTTT",
            issuerAgencyId = _ict,
            issueDate = "2023-09-01",
            title = "Kế hoạch chi tiết của Sở TT&TT triển khai Kế hoạch 170/KH-UBND",
            firstAssessmentYear = 2023,
            parentPlanId = _plan170,
        }, 201)).Id;
        await Get(_coordinator, $"/api/v1/plans?parentPlanId={_plan170}", 200);
        await Post(_coordinator, $"/api/v1/plans/{detailed}/issue", null, 200);
        await Post(_coordinator, $"/api/v1/plans/{detailed}/close", null, 200);
        await Post(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/close", null, 404);
        await Post(_coordinator, $"/api/v1/plans/{detailed}/tasks", new { title = "Việc sau khi đóng", leadAgencyId = _ict }, 409);
        await Put(_coordinator, $"/api/v1/plans/{detailed}/reporting-rules", new { ruleIds = Array.Empty<Guid>() }, 409);
    }

    /// <summary>What each lead agency owes under the issued plan, as JSON and as an iCalendar feed.</summary>
    private async Task Obligations()
    {
        const string year2023 = "from=2023-01-01&to=2023-12-31";
        await Get(_coordinator, $"/api/v1/obligations?{year2023}&pageSize=20", 200);
        await Get(_coordinator, $"/api/v1/obligations?{year2023}&agencyId={_police}&planId={_plan170}&includeCooperating=true&status=Overdue", 200);
        await Get(_reporter, $"/api/v1/obligations?{year2023}", 200);
        await Get(_coordinator, "/api/v1/obligations?from=2023-01-01", 200);
        await Get(_coordinator, "/api/v1/obligations?from=2023-12-31&to=2023-01-01", 400, breaksContract: true);
        await Get(_coordinator, "/api/v1/obligations?from=2023-01-01&to=2029-01-01", 400, breaksContract: true);
        await Get(_ministry, $"/api/v1/obligations?{year2023}", 403);

        await Get(_reporter, $"/api/v1/agencies/{_ict}/obligations?{year2023}", 200);
        await Get(_coordinator, $"/api/v1/agencies/{_home}/obligations?{year2023}&includeCooperating=true", 200);
        await Get(_reporter, $"/api/v1/agencies/{_home}/obligations?{year2023}", 404);
        await Get(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}/obligations?{year2023}", 404);

        await Get(_coordinator, $"/api/v1/agencies/{_ict}/calendar.ics?{year2023}", 200, accept: "text/calendar");
        // Calendar apps cannot send headers: the key in the query is a way to authenticate the contract must declare.
        await Get(_anonymous, $"/api/v1/agencies/{_ict}/calendar.ics?{year2023}&access_key={Uri.EscapeDataString(_reporter.Key!)}", 200, accept: "text/calendar");
        await Get(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}/calendar.ics", 404, accept: "text/calendar");
        await Get(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}/calendar.ics", 404);
    }

    /// <summary>
    /// Sở TT&amp;TT reports Q4/2023 under Plan 170: a draft, a return with reasons, a resubmission, a withdrawal, acceptance and
    /// a revision; its versions and the difference between two of them.
    /// </summary>
    private async Task Reports()
    {
        const string reports = "/api/v1/reports";
        var quarterly = await RuleId("Quarterly", ReferenceDeadlineRules.QuangTriQuarterlyName);
        object Obligation(Guid agency, string period) => new { kind = "Periodic", agencyId = agency, planId = _plan170, deadlineRuleId = quarterly, periodId = period };
        var id = (await Post(_reporter, reports, Obligation(_ict, "2023Q4"), 201)).Id;
        await Post(_reporter, reports, Obligation(_ict, "2023Q4"), 409);
        await Post(_reporter, reports, Obligation(_ict, "2023Q1"), 422);
        await Post(_reporter, reports, Obligation(_home, "2023Q4"), 404);
        await Post(_reporter, reports, new { agencyId = _ict, periodId = "2023Q4" }, 400, breaksContract: true);
        await Post(_coordinator, reports, Obligation(_ict, "2023Q4"), 403);

        var report = $"{reports}/{id}";
        object Content(decimal value) => new
        {
            entries = new[] { new { indexCode = "7", numericValue = value, score = 150m, note = "Số liệu từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", asOf = "2023-12-14", evidenceIds = new[] { _evidence } } },
            results = "Hoàn thành Trung tâm Tích hợp dữ liệu tỉnh trên nền tảng điện toán đám mây.",
            difficulties = "Nhân lực chuyên trách về chuyển đổi số còn thiếu.",
            proposals = "Bổ sung kinh phí đào tạo kỹ năng số.",
        };
        var draft = await Put(_reporter, report, Content(152.5m), 200);
        await Put(_reporter, report, Content(152.5m), 412, "\"1\"");
        await Put(_reporter, report, new { entries = new[] { new { indexCode = "7", numericValue = 1m, score = 200.5m } } }, 422);
        await Put(_reporter, $"{reports}/{Guid.NewGuid()}", Content(1m), 404);
        await Put(_reporter, report, new { entries = new[] { new { indexCode = "7", numericValue = 1m, evidenceIds = new[] { Guid.NewGuid() } } } }, 422, draft.ETag);
        await Post(_reporter, $"{report}/submit", null, 200, draft.ETag);
        await Post(_reporter, $"{report}/submit", null, 412, draft.ETag);
        await Post(_reporter, $"{report}/submit", null, 409);
        await Post(_reporter, $"{report}/accept", null, 403);
        await Post(_coordinator, $"{report}/return", new { reason = "Bổ sung số liệu quý IV", indexNotes = new[] { new { indexCode = "7", note = "Số liệu chưa khớp hệ thống một cửa" } } }, 200);
        await Post(_coordinator, $"{report}/return", new { reason = "Lần nữa" }, 409);
        await Post(_reporter, $"{report}/reopen", null, 200);
        await Put(_reporter, report, Content(160m), 200);
        await Post(_reporter, $"{report}/submit", null, 200);
        await Post(_reporter, $"{report}/withdraw", null, 200);
        await Post(_reporter, $"{report}/submit", null, 200);
        await Post(_coordinator, $"{report}/accept", null, 200);
        await Get(_ministry, $"{report}/versions", 200);
        await Post(_reporter, $"{report}/revise", null, 200);
        await Post(_coordinator, $"{report}/accept", null, 409);
        await Post(_reporter, $"{reports}/{Guid.NewGuid()}/withdraw", null, 404);

        await Get(_coordinator, $"{reports}?agencyId={_ict}&kind=Periodic&state=Draft&assessmentYear=2023&periodId=2023Q4&planId={_plan170}&page=1&pageSize=20", 200);
        await Get(_reader, reports, 200);
        await Get(_coordinator, $"{reports}?periodId=2023-Q4", 400, breaksContract: true);
        await Get(_reporter, report, 200);
        // Being corrected after acceptance: readers keep seeing the accepted version.
        await Get(_reader, report, 200);
        await Get(_coordinator, $"{reports}/{Guid.NewGuid()}", 404);
        await Get(_reporter, $"{report}/versions", 200);
        await Get(_coordinator, $"{reports}/{Guid.NewGuid()}/versions", 404);
        await Get(_reporter, $"{report}/versions/1", 200);
        await Get(_reporter, $"{report}/versions/9", 404);
        await Get(_reporter, $"{report}/versions/0", 400, breaksContract: true);
        await Get(_reporter, $"{report}/versions/3/diff?against=1", 200);
        await Get(_reporter, $"{report}/versions/2/diff", 200);
        await Get(_reporter, $"{report}/versions/1/diff", 400);
        await Get(_reporter, $"{report}/versions/9/diff", 404);
    }

    /// <summary>What the coordinator still has to chase for 2023 under Plan 170: reports owed, indices without a value.</summary>
    private async Task Completeness()
    {
        const string completeness = "/api/v1/reports/completeness";
        await Get(_coordinator, $"{completeness}?assessmentYear=2023", 200);
        await Get(_coordinator, $"{completeness}?assessmentYear=2023&periodId=2023Q4&planId={_plan170}&agencyId={_police}", 200);
        await Get(_reporter, $"{completeness}?assessmentYear=2023", 200);
        await Get(_reader, $"{completeness}?assessmentYear=2023&periodId=2023", 200);
        await Get(_ministry, $"{completeness}?assessmentYear=2023", 403);
        await Get(_coordinator, completeness, 400, breaksContract: true);
        await Get(_coordinator, $"{completeness}?assessmentYear=2023&periodId=2024Q1", 400);
        await Get(_coordinator, $"{completeness}?assessmentYear=2019", 422);
    }

    /// <summary>Who is behind in 2023: the ranked view, one agency, one kind, its CSV, and the ranges refused.</summary>
    private async Task Compliance()
    {
        const string compliance = "/api/v1/compliance";
        await Get(_coordinator, $"{compliance}?from=2023-01-01&to=2023-12-31", 200);
        await Get(_coordinator, $"{compliance}?from=2023-07-01&to=2023-12-31&agencyKind=Department&agencyId={_ict}&page=1&pageSize=10", 200);
        await Get(_reporter, $"{compliance}?from=2023-01-01&to=2023-12-31", 200);
        await Get(_reader, $"{compliance}.csv?from=2023-01-01&to=2023-12-31", 200, accept: "text/csv");
        await Get(_ministry, $"{compliance}?from=2023-01-01&to=2023-12-31", 403);
        await Get(_coordinator, compliance, 400, breaksContract: true);
        await Get(_coordinator, $"{compliance}?from=2023-12-31&to=2023-01-01", 422);
        await Get(_coordinator, $"{compliance}?from=2023-01-01&to=2023-12-31&agencyId={Guid.NewGuid()}", 404);
    }

    /// <summary>
    /// The coordinator asks Sở Nội vụ for an ad hoc report; Sở TT&amp;TT, lead of index 7, asks Sở Nội vụ (cooperating on it)
    /// for its part, Sở Nội vụ contributes, and Sở TT&amp;TT reads the contribution.
    /// </summary>
    private async Task RequestsAndContributions()
    {
        var adHoc = new { issuerAgencyId = _ict, topic = "Báo cáo kết quả chuyển đổi số quý IV/2023", assessmentYear = 2023, askedAgencyIds = new[] { _home }, askedIndexCodes = new[] { "4" }, issuedOn = "2023-11-16", dueDate = "2023-12-19" };
        var issued = (await Post(_coordinator, "/api/v1/report-requests", adHoc, 201)).Id;
        await Post(_coordinator, "/api/v1/report-requests", new { issuerAgencyId = _ict, topic = "Thiếu hạn", assessmentYear = 2023, askedAgencyIds = new[] { _home }, askedIndexCodes = new[] { "4" } }, 400, breaksContract: true);
        await Post(_coordinator, "/api/v1/report-requests", new { issuerAgencyId = _ict, topic = "Chỉ số lạ", assessmentYear = 2023, askedAgencyIds = new[] { _home }, askedIndexCodes = new[] { "7.99" }, dueWorkingDays = 3 }, 422);
        await Post(_reporter, "/api/v1/report-requests", adHoc, 403);
        await Get(_coordinator, $"/api/v1/report-requests/{issued}", 200);
        await Get(_coordinator, $"/api/v1/report-requests/{Guid.NewGuid()}", 404);

        var ask = new { topic = "Số liệu chỉ số 7 quý IV/2023", assessmentYear = 2023, askedAgencyIds = new[] { _home }, askedIndexCodes = new[] { "7" }, issuedOn = "2023-12-20", dueWorkingDays = 3 };
        var requested = (await Post(_reporter, $"/api/v1/agencies/{_ict}/contribution-requests", ask, 201)).Id;
        await Post(_reporter, $"/api/v1/agencies/{_ict}/contribution-requests", ask with { askedIndexCodes = new[] { "4" } }, 422);
        await Post(_reporter, $"/api/v1/agencies/{_home}/contribution-requests", ask, 404);
        await Get(_reporter, $"/api/v1/report-requests?kind=Contribution&assessmentYear=2023&issuerAgencyId={_ict}&askedAgencyId={_home}&page=1&pageSize=10", 200);
        await Get(_coordinator, "/api/v1/report-requests", 200);
        await Get(_ministry, "/api/v1/report-requests", 403);

        var homeReporter = new Caller("AgencyReporter (Sở Nội vụ)", (await Post(_coordinator, "/api/v1/clients", new { name = "Hệ thống báo cáo Sở Nội vụ Quảng Trị", roles = new[] { "AgencyReporter" }, agencyIds = new[] { _home } }, 201)).Json.GetProperty("apiKey").GetString());
        var contribution = $"/api/v1/reports/{(await Post(homeReporter, "/api/v1/reports", new { kind = "Contribution", agencyId = _home, reportRequestId = requested }, 201)).Id}";
        var draft = await Put(homeReporter, contribution, new { entries = new[] { new { indexCode = "7", numericValue = 0.45m, note = "Số liệu minh họa" } } }, 200);
        await Post(homeReporter, $"{contribution}/submit", null, 200, draft.ETag);
        await Get(_reporter, $"/api/v1/agencies/{_ict}/contributions?assessmentYear=2023&reportRequestId={requested}&indexCode=7&page=1&pageSize=10", 200);
        await Get(_reporter, $"/api/v1/agencies/{_home}/contributions", 404);
        await Get(_ministry, $"/api/v1/agencies/{_ict}/contributions", 403);
    }

    /// <summary>The e-office subscribes Sở TT&amp;TT to its reports' events, changes and rotates the subscription, reads its log, and unsubscribes.</summary>
    private async Task Webhooks()
    {
        var subscription = new { url = "https://eoffice.quangtri.gov.vn/hooks/dti", eventTypes = new[] { "report.returned", "contribution.requested" }, description = "Văn phòng điện tử tỉnh" };
        var hook = $"/api/v1/webhooks/{(await Post(_reporter, "/api/v1/webhooks", subscription, 201)).Json.GetProperty("webhook").GetProperty("id").GetGuid()}";
        await Post(_reporter, "/api/v1/webhooks", subscription with { url = "http://eoffice.quangtri.gov.vn/hooks/dti" }, 422);
        await Post(_reporter, "/api/v1/webhooks", subscription with { eventTypes = new[] { "report.returned", "report.lost" } }, 422);
        await Get(_reporter, "/api/v1/webhooks?page=1&pageSize=10", 200);
        await Get(_coordinator, "/api/v1/webhooks", 200);
        await Get(_reporter, hook, 200);
        await Get(_reader, hook, 404);
        await Put(_reporter, hook, new { subscription.url, eventTypes = new[] { "report.returned", "report.accepted" }, active = false, subscription.description }, 200);
        await Post(_reporter, $"{hook}/rotate-secret", null, 200);
        await Get(_reporter, $"{hook}/deliveries?page=1&pageSize=10", 200);
        await Get(_reader, $"{hook}/deliveries", 404);
        await Post(_reporter, $"{hook}/deliveries/{Guid.NewGuid()}/redeliver", null, 404);
        await Delete(_reporter, hook, 204);
        await Delete(_reporter, hook, 404);
    }

    /// <summary>The 2023 self-assessment: opened, an index overridden, finalised and signed, pulled by the ministry, reopened.</summary>
    private async Task SelfAssessment()
    {
        const string assessments = "/api/v1/self-assessments";
        var rule = await RuleId("Annual", ReferenceDeadlineRules.QuangBinhSelfAssessmentName);
        await Get(_coordinator, $"{assessments}/2023", 404);
        await Get(_ministry, $"{assessments}/2023/snapshots", 404);
        await Get(_coordinator, $"{assessments}/2023/snapshots/pulls", 404);
        var opened = await Post(_coordinator, assessments, new { assessmentYear = 2023, deadlineRuleId = rule }, 201);
        await Post(_coordinator, assessments, new { assessmentYear = 2023, deadlineRuleId = rule }, 409);
        await Post(_coordinator, assessments, new { assessmentYear = 2022, deadlineRuleId = await RuleId("Quarterly", ReferenceDeadlineRules.QuangTriQuarterlyName) }, 422);
        await Post(_coordinator, assessments, new { assessmentYear = 2022 }, 400, breaksContract: true);
        await Post(_ministry, assessments, new { assessmentYear = 2022, deadlineRuleId = rule }, 403);
        var read = await Get(_coordinator, $"{assessments}/2023", 200);
        await Get(_ministry, $"{assessments}/2023", 403);
        var reason = "Số liệu Công an tỉnh gửi bằng văn bản (minh họa)";
        await Put(_coordinator, $"{assessments}/2023/indices/5/override", new { value = 0.5m, reason }, 412, "\"999\"");
        await Put(_coordinator, $"{assessments}/2023/indices/5/override", new { value = 1.5m, reason }, 422, read.ETag);
        await Put(_coordinator, $"{assessments}/2023/indices/99/override", new { value = 0.5m, reason }, 422, read.ETag);
        var overridden = await Put(_coordinator, $"{assessments}/2023/indices/5/override", new { value = 0.5m, reason }, 200, read.ETag);
        await Post(_coordinator, $"{assessments}/2023/reopen", null, 409, overridden.ETag);
        var finalised = await Post(_coordinator, $"{assessments}/2023/finalise", null, 200, overridden.ETag);
        await Post(_coordinator, $"{assessments}/2024/finalise", null, 404);
        await Get(_ministry, $"{assessments}/2023/snapshots", 200);
        await Get(_reader, $"{assessments}/2023/snapshots", 403);
        await Get(_ministry, $"{assessments}/2023/snapshots/1", 200, accept: "application/json");
        await Get(_ministry, $"{assessments}/2023/snapshots/1?format=Csv", 200, accept: "text/csv");
        await Get(_ministry, $"{assessments}/2023/snapshots/1?format=Signature", 200, accept: "application/pkcs7-signature");
        await Get(_ministry, $"{assessments}/2023/snapshots/1?format=Dhis2", 200, accept: "application/json");
        await Get(_ministry, $"{assessments}/2023/snapshots/2", 404);
        await Get(_reporter, $"{assessments}/2023/snapshots/1", 403);
        await Get(_ministry, $"{assessments}/signing-certificate", 200, accept: "application/x-pem-file");
        await Get(_coordinator, $"{assessments}/2023/snapshots/pulls", 200);
        await Get(_ministry, $"{assessments}/2023/snapshots/pulls", 403);
        await MinistryFigures($"{assessments}/2023/snapshots/1");
        await Post(_coordinator, $"{assessments}/2023/reopen", null, 200, finalised.ETag);
    }

    /// <summary>The ministry's appraised and final numbers against revision 1 (illustrative), as JSON then CSV, and the comparison.</summary>
    private async Task MinistryFigures(string snapshot)
    {
        var figures = $"{snapshot}/ministry-figures";
        await Get(_ministry, figures, 404);
        await Get(_reader, $"{snapshot}/comparison", 200);
        await Put(_reader, figures, new { source = "Quyết định (minh họa)", figures = new[] { new { code = "7", finalValue = 0.8m } } }, 403);
        await Put(_ministry, figures, new { source = "Quyết định (minh họa)", figures = new[] { new { code = "99", finalValue = 0.8m } } }, 422);
        await Put(_ministry, figures, new { source = "Quyết định (minh họa)", figures = new[] { new { code = "7", appraisedValue = 0.8m, finalValue = 0.82m, finalScore = 164m } } }, 200);
        await Send(_coordinator, HttpMethod.Put, figures, 422, Csv("code,finalValue,source\n7,0.8x,Công văn (minh họa)\n"));
        await Send(_coordinator, HttpMethod.Put, figures, 200, Csv("code,finalValue,source\n7,0.81,Công văn (minh họa)\n"));
        await Get(_ministry, figures, 200);
        await Get(_ministry, $"{snapshot}/comparison", 200, accept: "application/json");
        await Get(_coordinator, $"{snapshot}/comparison.csv", 200, accept: "text/csv");
        await Get(_reporter, $"{snapshot}/comparison", 403);
    }

    /// <summary>Rules written in words or as parts, their deadlines on the working calendar, and their feed.</summary>
    private async Task DeadlineRules()
    {
        const string rules = "/api/v1/deadline-rules";
        var quarterly = await Post(_coordinator, rules, new { text = "hằng quý trước ngày 25 của tháng cuối quý", name = "Báo cáo chuyển đổi số hằng quý của Sở TT&TT" }, 201);
        var monthly = await Post(_coordinator, rules, new
        {
            name = "Báo cáo tháng về dịch vụ công trực tuyến",
            frequency = "Monthly",
            due = new { kind = "WorkingDaysAfterCutoff", workingDays = 3 },
            boundary = "NoLaterThan",
            adjustment = "None",
            legalBasis = new { documentNumber = "09/2019/NĐ-CP", issuedOn = "2019-01-24" },
        }, 201);
        await Post(_coordinator, rules, new { text = "annually before 20/12", name = ReferenceDeadlineRules.QuangTriAnnualName }, 409);
        await Post(_coordinator, rules, new { text = "quarterly sometime around the 25th" }, 422);
        await Post(_coordinator, rules, new { text = "annually before 20/12", frequency = "Annual" }, 400, breaksContract: true);
        await Post(_reader, rules, new { text = "annually before 20/12" }, 403);
        await Get(_reader, $"{rules}?frequency=Monthly&page=1&pageSize=10", 200);

        await Get(_coordinator, $"{rules}/{quarterly.Id}", 200);
        await Get(_coordinator, $"{rules}/{Guid.NewGuid()}", 404);
        var reworded = new { text = "hằng quý chậm nhất ngày 25 của tháng cuối quý", name = "Báo cáo chuyển đổi số hằng quý của Sở TT&TT" };
        await Put(_coordinator, $"{rules}/{quarterly.Id}", reworded, 200, quarterly.ETag);
        await Put(_coordinator, $"{rules}/{quarterly.Id}", reworded, 412, quarterly.ETag);
        await Put(_coordinator, $"{rules}/{Guid.NewGuid()}", reworded, 404);

        await Post(_ministry, $"{rules}/parse", new { text = "hằng năm chậm nhất ngày 15/01 năm sau; căn cứ: 2351/UBND-KSTT ngày 16/11/2023" }, 200);
        await Post(_coordinator, $"{rules}/parse", new { text = "weekly before friday" }, 422);

        await Get(_coordinator, $"{rules}/{quarterly.Id}/occurrences?from=2026-01-01&to=2026-12-31", 200);
        await Get(_coordinator, $"{rules}/{quarterly.Id}/occurrences?from=2026-12-31&to=2026-01-01", 400, breaksContract: true);
        await Get(_coordinator, $"{rules}/{Guid.NewGuid()}/occurrences?from=2026-01-01&to=2026-12-31", 404);
        await Get(_reader, $"{rules}/{quarterly.Id}/calendar.ics?from=2027-01-01&to=2027-12-31", 200, accept: "text/calendar");
        await Get(_coordinator, $"{rules}/{Guid.NewGuid()}/calendar.ics?from=2027-01-01&to=2027-12-31", 404, accept: "text/calendar");

        await Delete(_coordinator, $"{rules}/{await RuleId("Annual", ReferenceDeadlineRules.QuangTriAnnualName)}", 409);
        await Delete(_coordinator, $"{rules}/{monthly.Id}", 204, monthly.ETag);
        await Delete(_coordinator, $"{rules}/{monthly.Id}", 404);
    }

    /// <summary>Working days, holidays and the official schedule the Coordinator keeps for 2027.</summary>
    private async Task WorkingCalendar()
    {
        await Get(_ministry, "/api/v1/calendar/days/2026-02-16", 200);
        await Get(_coordinator, "/api/v1/calendar/days/2026-13-01", 400, breaksContract: true);
        await Get(_coordinator, "/api/v1/calendar/years/2027/holidays", 200);
        await Get(_coordinator, "/api/v1/calendar/years/2101/holidays", 400, breaksContract: true);
        await Get(_coordinator, "/api/v1/calendar/years/2026/official-schedule", 200);
        await Get(_coordinator, "/api/v1/calendar/years/2027/official-schedule", 404);

        const string schedule2027 = "/api/v1/calendar/years/2027/official-schedule";
        var tet = new
        {
            entries = new[]
            {
                new { date = "2027-02-05", kind = "DayOff", reason = "Nghỉ Tết Nguyên đán Đinh Mùi" },
                new { date = "2027-01-30", kind = "WorkingDay", reason = "Làm bù cho ngày 05/02/2027" },
            },
        };
        var first = await Put(_coordinator, schedule2027, tet, 200);
        var second = await Put(_coordinator, schedule2027, tet, 200, first.ETag);
        await Put(_coordinator, schedule2027, tet, 412, first.ETag);
        await Put(_coordinator, schedule2027, new { entries = new[] { new { date = "2028-01-01", kind = "DayOff", reason = "Tết Dương lịch" } } }, 422);
        await Put(_reader, schedule2027, tet, 403);
        await Delete(_coordinator, schedule2027, 204, second.ETag);
        await Delete(_coordinator, schedule2027, 404);
    }

    /// <summary>The audit trail, and a body in a media type the operation does not take.</summary>
    private async Task AuditAndMediaTypes()
    {
        await Get(_coordinator, $"/api/v1/audit?entityType=Agency&entityId={_home}&pageSize=10", 200);
        await Get(_reader, "/api/v1/audit", 403);
        await Send(_coordinator, HttpMethod.Post, "/api/v1/agencies", 415, new StringContent("Sở Tư pháp", Encoding.UTF8, "text/plain"), breaksContract: true);
    }

    /// <summary>Sở TT&amp;TT merges into Sở KH&amp;CN on 1/3/2025, and Plan 200 supersedes Plan 170.</summary>
    private async Task SuccessionAndSupersession()
    {
        var merger = new { successorId = _science, effectiveDate = "2025-03-01", reason = "Merger", note = "Hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ" };
        var ict = await Get(_coordinator, $"/api/v1/agencies/{_ict}", 200);
        await Post(_coordinator, $"/api/v1/agencies/{_ict}/succession", merger, 200, ict.ETag);
        await Post(_coordinator, $"/api/v1/agencies/{_ict}/succession", merger, 409);
        await Post(_coordinator, $"/api/v1/agencies/{_home}/succession", new { successorId = Guid.NewGuid(), effectiveDate = "2025-03-01", reason = "Merger" }, 422);
        await Post(_coordinator, $"/api/v1/agencies/{Guid.NewGuid()}/succession", merger, 404);

        await Post(_coordinator, $"/api/v1/plans/{_plan170}/supersede", new { supersededById = _plan200 }, 200);
        await Post(_coordinator, $"/api/v1/plans/{Guid.NewGuid()}/supersede", new { supersededById = _plan200 }, 404);
        await Put(_coordinator, $"/api/v1/plans/{_plan170}", Plan170(), 409);
    }

    private object Plan170() => new
    {
        kind = "Plan",
        documentNumber = "170/KH-UBND",
        issuerAgencyId = _province,
        issueDate = "2023-08-11",
        title = "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
        summary = "Phấn đấu năm 2023 chỉ số DTI của tỉnh thuộc nhóm khá",
        firstAssessmentYear = 2023,
        lastAssessmentYear = 2023,
        targetRankGroup = "khá",
        indexTargets = new[] { new { mainIndexCode = "7", targetValue = 0.75m, targetPoints = 150m } },
        solutionGroups = new[] { new { order = 1, title = "Về nhận thức số", mainIndexCode = "1" }, new { order = 2, title = "Về thể chế số", mainIndexCode = "2" } },
    };

    /// <summary>Province units over the 2025 mergers, the published tables and their CSV downloads, the 2023 self-assessment beside the official figures, and importing more figures.</summary>
    private async Task OfficialResults()
    {
        await Get(_reporter, "/api/v1/province-units?activeOn=2025-07-01", 200);
        await Get(_coordinator, "/api/v1/province-units?activeOn=2025-13-01", 400, breaksContract: true);
        await Get(_reader, "/api/v1/official-results/2022", 200);
        await Get(_reporter, "/api/v1/province-units/QUANG-TRI-2025/results", 200);
        await Get(_coordinator, "/api/v1/province-units/ATLANTIS/results", 404);
        await Get(_ministry, "/api/v1/province-units/CAN-THO/results/2022/points-lost", 200);
        await Get(_coordinator, "/api/v1/province-units/QUANG-TRI/results/2023/points-lost", 404);
        await Post(_reporter, "/api/v1/province-units/CAN-THO/results/2022/what-if", new { raise = new[] { new { code = "7", delta = 0.05m } } }, 200);
        await Post(_coordinator, "/api/v1/province-units/CAN-THO/results/2022/what-if", new { planId = _plan170, mainIndexValues = new[] { new { code = "9", value = 0.5m } } }, 200);
        await Post(_coordinator, "/api/v1/province-units/QUANG-BINH/results/2022/what-if", new { raise = new[] { new { code = "7", delta = 0.1m } } }, 422);
        await Post(_ministry, "/api/v1/province-units/CAN-THO/results/2022/what-if", new { }, 403);
        await Get(_ministry, "/api/v1/official-results/2024?fieldSize=34", 200);
        await Get(_coordinator, "/api/v1/official-results/2025", 404);
        await Get(_coordinator, "/api/v1/official-results/2019", 400, breaksContract: true);
        await Get(_reader, "/api/v1/official-results/2022.csv", 200, accept: "text/csv");
        await Get(_coordinator, "/api/v1/official-results/2025.csv", 404, accept: "text/csv");
        await Get(_reporter, "/api/v1/province-units/QUANG-BINH/results.csv", 200, accept: "text/csv");
        await Get(_ministry, "/api/v1/province-units/CAN-THO/results/2022/points-lost.csv", 200, accept: "text/csv");
        await Get(_reader, "/api/v1/province-units/QUANG-NGAI/results/2023/self-vs-official", 200);
        await Get(_ministry, "/api/v1/province-units/QUANG-NGAI/results/2023/self-vs-official.csv", 200, accept: "text/csv");
        await Get(_coordinator, "/api/v1/province-units/CAN-THO/results/2022/self-vs-official", 404);
        await Get(_reporter, "/api/v1/province-units/CAN-THO/results/2023/self-vs-official", 403);
        const string figures = "year,fieldSize,province,kind,code,value,rank,origin,source\n2023,63,QUANG-BINH,Dti,,0.6120,40,Published,test\n";
        await Send(_coordinator, HttpMethod.Post, "/api/v1/official-results/import", 200, Csv(figures));
        await Send(_coordinator, HttpMethod.Post, "/api/v1/official-results/import", 422, Csv(figures.Replace(",40,", ",70,", StringComparison.Ordinal)));
        await Send(_reader, HttpMethod.Post, "/api/v1/official-results/import", 403, Csv(figures));
    }

    private static object Agency(string code, string fullName, string shortName, string kind = "Department", string validFrom = "2020-01-01", string? validTo = null, Guid? parentId = null) =>
        new { code, fullName, shortName, kind, validFrom, validTo, parentId };

    private async Task<Guid> RuleId(string frequency, string name) =>
        (await Get(_coordinator, $"/api/v1/deadline-rules?frequency={frequency}", 200)).Json.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private Task<Reply> Get(Caller caller, string uri, int expected, string? accept = null, bool breaksContract = false) =>
        Send(caller, HttpMethod.Get, uri, expected, null, null, accept, breaksContract);

    private Task<Reply> Post(Caller caller, string uri, object? body, int expected, string? ifMatch = null, bool breaksContract = false) =>
        Send(caller, HttpMethod.Post, uri, expected, body is null ? null : JsonContent.Create(body, options: Json), ifMatch, null, breaksContract);

    private Task<Reply> Put(Caller caller, string uri, object body, int expected, string? ifMatch = null) =>
        Send(caller, HttpMethod.Put, uri, expected, JsonContent.Create(body, options: Json), ifMatch);

    private Task<Reply> Delete(Caller caller, string uri, int expected, string? ifMatch = null) =>
        Send(caller, HttpMethod.Delete, uri, expected, null, ifMatch);

    /// <summary>Sends one request through Prism and records it with Prism's verdict; never throws on a failed step, so every failure is listed.</summary>
    private async Task<Reply> Send(
        Caller caller, HttpMethod method, string uri, int expected, HttpContent? content, string? ifMatch = null, string? accept = null, bool breaksContract = false,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        if (caller.Key is not null)
        {
            request.Headers.Add(ApiKeyHeader, caller.Key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        var operation = _contract.Match(method, uri.Split('?')[0]);
        if (ifMatch is null && caller.Key is not null && expected != 428 && operation?.Parameters.Any(p => p is { In: "header", Name: "If-Match" }) == true)
        {
            // Every update, transition and delete needs the version the caller last read (428 without it).
            var createsToo = operation.Parameters.Any(p => p is { In: "header", Name: "If-None-Match" });
            ifMatch = await CurrentETag(caller, uri.Split('?')[0], createsToo);
            if (ifMatch is null && createsToo)
            {
                request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
            }
            else
            {
                // Nothing to read: the step addresses what does not exist and expects its 404.
                ifMatch ??= "\"1\"";
            }
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var requestBody = content is null ? null : await content.ReadAsStringAsync();
        _errors.Take();
        using var response = await _proxy.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? PrismViolation.Parse(string.Concat(values)) : [];
        var headers = request.Headers.Where(h => h.Key != ApiKeyHeader).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Concat(content?.Headers.ContentType is { } type ? [$"Content-Type: {type}"] : []).ToList();
        _calls.Add(new ContractCall(
            caller.Name, method.Method, uri, headers, requestBody, operation,
            expected, breaksContract, status, body, violations, status >= 500 ? ServerErrorLog.Cause(_errors.Take()) : null));
        return new Reply(status, body, response.Headers.ETag?.ToString());
    }

    /// <summary>
    /// The ETag a careful client would send: that of the addressed resource, or of the resource an action belongs to
    /// (<c>/plans/{id}/issue</c> → the plan; <c>…/component-indices/import</c> → the framework). Read from the API
    /// directly, outside the recorded workflow; null when none of them exists. A PUT that also creates
    /// (<paramref name="ownOnly"/>) is about the addressed resource alone: where it does not exist yet, it is created.
    /// </summary>
    private async Task<string?> CurrentETag(Caller caller, string path, bool ownOnly)
    {
        for (var candidate = path; candidate.Count(c => c == '/') > 3 && (candidate == path || !ownOnly); candidate = candidate[..candidate.LastIndexOf('/')])
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, candidate);
            read.Headers.Add(ApiKeyHeader, caller.Key);
            using var response = await _api.SendAsync(read);
            if (response.Headers.ETag is { } tag)
            {
                return tag.ToString();
            }
        }

        return null;
    }

    private sealed record Caller(string Name, string? Key);

    private sealed record Reply(int Status, string Body, string? ETag)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public Guid Id => Json.GetProperty("id").GetGuid();
    }
}
