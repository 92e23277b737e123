using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// Bounded generative fuzzing: requests generated from openapi/v1.json (<see cref="FuzzRequestGenerator"/>), sent in
/// process, mostly as a Coordinator, against a database holding a few real objects. Half come from a fixed seed,
/// half from a seed drawn for this run; both are printed, and DTI_FUZZ_SEED replays a run's seed. Any 5xx fails the
/// test, which lists each distinct failure (operation, status, the cause the server logged) once, with the first
/// request that caused it and the response.
/// </summary>
public sealed class ContractFuzzTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    public const string SeedVariable = "DTI_FUZZ_SEED";

    /// <summary>Plan 170/KH-UBND was issued on 11 August 2023.</summary>
    private const int FixedSeed = 20230811;

    private const int RequestsPerSeed = 750;

    private readonly ServerErrorLog _errors = new();

    /// <summary>Thousands of requests in a minute from one client: the rate limit must not be what answers them.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitPerMinute"] = "1000000",
        ["RateLimiting:AnonymousPermitPerMinute"] = "1000000",
    };

    protected override DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings, _errors);

    [Test]
    public async Task GeneratedRequestsNeverGetA5xx()
    {
        var randomSeed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } replay
            ? int.Parse(replay, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        TestContext.Progress.WriteLine($"Fuzz ({Provider}): seeds {FixedSeed} (fixed) and {randomSeed} (this run's; replay it with {SeedVariable}={randomSeed})");
        var contract = ContractDocument.Load();
        var existing = await ExistingObjects();
        var failures = new List<Failure>();
        var storageConflicts = new List<Failure>();
        var sent = 0;

        using var client = Factory.CreateClient();
        foreach (var seed in new[] { FixedSeed, randomSeed })
        {
            var generator = new FuzzRequestGenerator(contract, existing, seed);
            for (var index = 0; index < RequestsPerSeed; index++)
            {
                var request = generator.Next(index);
                var (status, body, thrown) = await Send(client, request.ToMessage(Coordinator.ApiKey));
                sent++;
                var errors = _errors.Take();
                if (status is 0 or >= 500)
                {
                    failures.Add(new Failure(request, status, body, thrown is null ? ServerErrorLog.Cause(errors) : ServerErrorLog.Cause(thrown)));
                }
                else if (status == 409 && body.Contains("\"storage.conflict\"", StringComparison.Ordinal))
                {
                    storageConflicts.Add(new Failure(request, status, body, ServerErrorLog.Cause(errors)));
                }
            }
        }

        TestSummary.Write($"Fuzz ({Provider}): {sent} requests, seeds {FixedSeed} and {randomSeed}, 5xx: {failures.Count}");
        if (storageConflicts.Count > 0)
        {
            // Not failed here: a database error reported as a conflict is a 4xx, but it hides a fault.
            TestContext.Out.WriteLine($"Database errors answered as 409 storage.conflict: {storageConflicts.Count}\n{Report(storageConflicts)}");
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} generated requests got a 5xx:\n{Report(failures)}");
    }

    private static async Task<(int Status, string Body, Exception? Thrown)> Send(HttpClient client, HttpRequestMessage message)
    {
        try
        {
            using var response = await client.SendAsync(message);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The in-memory server hands the caller an exception the application did not handle; Kestrel would answer 500.
            return (0, e.ToString(), e);
        }
        finally
        {
            message.Dispose();
        }
    }

    /// <summary>
    /// The distinct causes with the operations they hit, then each distinct failure once (operation, status and
    /// cause), how often, the first request and its response.
    /// </summary>
    private static string Report(List<Failure> failures)
    {
        var report = new StringBuilder();
        foreach (var cause in failures.GroupBy(f => f.Cause).OrderByDescending(g => g.Count()))
        {
            report.AppendLine($"* {cause.Key}: {cause.Count()} requests, in {string.Join(", ", cause.Select(f => f.Request.Operation.OperationId).Distinct())}");
        }

        foreach (var group in failures.GroupBy(f => (f.Request.Operation.OperationId, f.Status, f.Cause)).OrderBy(g => g.Key.OperationId, StringComparer.Ordinal))
        {
            var first = group.First();
            report.AppendLine($"- {group.Key.OperationId} → {(first.Status == 0 ? "threw" : first.Status)}: {group.Key.Cause} ({group.Count()}×)");
            report.AppendLine(first.Request.Describe());
            report.AppendLine($"    → {ContractCall.Shorten(first.Response, 600)}");
        }

        return report.ToString();
    }

    /// <summary>A few real objects, so that generated ids sometimes exist and requests reach the handlers.</summary>
    private async Task<Dictionary<string, Guid[]>> ExistingObjects()
    {
        var province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        var ict = await Client.CreateAgencyId("000.00.31.H50", "Sở Thông tin và Truyền thông Quảng Trị");
        var plan = (await Client.CreatePlan(ApiRequests.PlanBody(province))).GetProperty("id").GetGuid();
        var task = (await Client.CreateTask(plan, new { title = "Xây dựng Trung tâm Tích hợp dữ liệu tỉnh", leadAgencyId = ict, dueMonth = "2023-11" })).GetProperty("id").GetGuid();
        var assignment = (await Client.CreateAssignment(plan, new { indexCode = "7", leadAgencyId = ict })).GetProperty("id").GetGuid();
        var rule = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "hằng quý trước ngày 25 của tháng cuối quý", name = "Báo cáo chuyển đổi số hằng quý của Sở TT&TT" });
        Assert.That(rule.StatusCode, Is.EqualTo(HttpStatusCode.Created), await rule.Content.ReadAsStringAsync());
        var framework = await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete());
        Assert.That(framework.StatusCode, Is.EqualTo(HttpStatusCode.Created), await framework.Content.ReadAsStringAsync());
        var reader = await CreateApiKeyAsync(ClientRole.Reader, name: "Cổng dữ liệu mở tỉnh Quảng Trị");
        var evidence = await Client.PostAsync($"/api/v1/agencies/{ict}/evidence", Evidence.EvidenceFiles.Upload(Evidence.EvidenceFiles.Pdf(), "Báo cáo quý 4.pdf"));
        Assert.That(evidence.StatusCode, Is.EqualTo(HttpStatusCode.Created), await evidence.Content.ReadAsStringAsync());

        return new Dictionary<string, Guid[]>(StringComparer.Ordinal)
        {
            ["agencies"] = [province, ict],
            ["plans"] = [plan],
            ["tasks"] = [task],
            ["assignments"] = [assignment],
            ["deadline-rules"] = [(await ReadJson(rule)).GetProperty("id").GetGuid()],
            ["clients"] = [reader.Client.Id],
            ["evidence"] = [(await ReadJson(evidence)).GetProperty("id").GetGuid()],
        };
    }

    private sealed record Failure(FuzzRequest Request, int Status, string Response, string Cause);
}
