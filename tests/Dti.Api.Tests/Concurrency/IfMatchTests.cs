using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Api.Tests.Security;
using Dti.Domain.Clients;
using Dti.Domain.Plans;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Concurrency;

/// <summary>
/// Every update, transition and delete of an existing resource requires If-Match: without it (or with <c>*</c>) 428,
/// stale 412. Which operations those are is derived here from the served document, independently of how the API marks
/// them, so a new update operation that forgets <c>RequireIfMatch()</c> fails these tests.
/// </summary>
public sealed class IfMatchTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>
    /// Changes an existing resource: PUT, PATCH or DELETE, or a POST below a resource (its path has a parameter) that is
    /// not a collection one can also list with GET — an action such as <c>/issue</c>, <c>/revoke</c>, <c>/reassign</c>.
    /// A POST to a collection creates (<c>/plans</c>, <c>/plans/{id}/tasks</c>, a task's <c>/progress</c> list), and so
    /// does one that answers 201 Created (<c>/agencies/{id}/evidence/links</c> adds to the agency's evidence).
    /// A POST that only computes an answer from its body and stores nothing (a what-if) changes nothing either.
    /// </summary>
    private static bool ChangesAnExistingResource(ServedOperation operation, IReadOnlyCollection<ServedOperation> all) =>
        operation.Method is "PUT" or "PATCH" or "DELETE"
        || (operation.Method == "POST" && operation.Route.Contains('{', StringComparison.Ordinal) && !all.Any(o => o.Method == "GET" && o.Route == operation.Route)
            && operation.Definition["responses"]?["201"] is null && operation.Definition["x-stores-nothing"] is null);

    private async Task<(List<ServedOperation> Changes, List<ServedOperation> Others)> Operations()
    {
        var all = await ServedOperations.ReadAsync(Anonymous);
        var changes = all.Where(o => ChangesAnExistingResource(o, all)).ToList();
        return (changes, all.Except(changes).ToList());
    }

    [Test]
    public async Task TheDerivedListHoldsTheUpdatesAndTransitionsAndNoCreations()
    {
        var (changes, others) = await Operations();

        Assert.That(changes.Select(o => o.OperationId), Is.SupersetOf(new[]
        {
            "UpdatePlan", "IssuePlan", "ClosePlan", "SupersedePlan", "SetPlanReportingRules", "PublishFramework", "ImportComponentIndices",
            "RevokeClient", "RotateClientKey", "ReassignAssignment", "RecordAgencySuccession", "DeleteDeadlineRule", "ReplaceOfficialSchedule",
            "UpdateReportContent", "SubmitReport", "WithdrawReport", "AcceptReport", "ReturnReport", "ReopenReport", "ReviseReport",
        }));
        Assert.That(others.Select(o => o.OperationId), Is.SupersetOf(new[] { "CreatePlan", "CreateTask", "CreateAssignment", "RecordTaskProgress", "ParseDeadlineRule", "CreateClient", "AddEvidenceLink", "CreateReport", "EvaluateWhatIf" }));
    }

    [Test]
    public async Task EveryUpdateTransitionAndDeleteAnswers428WithoutIfMatch()
    {
        var (changes, _) = await Operations();
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT"));

        Assert.Multiple(async () =>
        {
            foreach (var operation in changes)
            {
                // Authorisation comes first: each operation is called by a role its policy admits (agency actions on
                // reports admit reporters only).
                var caller = AccessTable.Operations[operation.OperationId].Roles.Contains(ClientRole.Coordinator) ? Client : reporter;
                var problem = await (await caller.SendAsync(operation.Request())).AssertProblem(HttpStatusCode.PreconditionRequired, "If-Match", "version.required");
                Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("ETag").And.Contain("If-Match"), operation.ToString());

                using var star = operation.Request();
                star.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
                await (await caller.SendAsync(star)).AssertProblem(HttpStatusCode.PreconditionRequired, "If-Match", "version.required");
            }
        });
    }

    [Test]
    public async Task NoOtherOperationAsksForIfMatch()
    {
        var (_, others) = await Operations();

        Assert.Multiple(async () =>
        {
            foreach (var operation in others)
            {
                var response = await Client.SendAsync(operation.Request());
                Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.PreconditionRequired), operation.ToString());
            }
        });
    }

    [Test]
    public async Task TheDocumentDeclaresIfMatchAnd428OnExactlyThoseOperations()
    {
        var (changes, others) = await Operations();

        static bool DeclaresIfMatch(ServedOperation o, bool required = false) =>
            o.Definition["parameters"]?.AsArray().Any(p => (string?)p!["in"] == "header" && (string?)p["name"] == "If-Match" && ((bool?)p["required"] ?? false || !required)) == true;
        static bool Declares(ServedOperation o, string status) => o.Definition["responses"]?.AsObject().ContainsKey(status) == true;

        Assert.That(changes.Where(o => !DeclaresIfMatch(o) || !Declares(o, "428") || !Declares(o, "412")).Select(o => o.ToString()), Is.Empty);
        Assert.That(others.Where(o => DeclaresIfMatch(o, required: true) || Declares(o, "428")).Select(o => o.ToString()), Is.Empty);
    }

    [Test]
    public async Task AnAppendingOperationDeclaresIfMatchAsOptional()
    {
        var progress = (await ServedOperations.ReadAsync(Anonymous)).Single(o => o.OperationId == "RecordTaskProgress");

        var ifMatch = progress.Definition["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "If-Match")!;
        Assert.That(((bool?)ifMatch["required"] ?? false, progress.Definition["responses"]!.AsObject().ContainsKey("412")), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task AStaleIfMatchOnATransitionGets412AndLeavesTheStatus()
    {
        var issuer = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị");
        var created = await Client.PostAsJsonAsync("/api/v1/plans", ApiRequests.PlanBody(issuer));
        var id = (await ReadJson(created)).GetProperty("id").GetGuid();
        var draftETag = created.Headers.ETag!.ToString();
        await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/plans/{id}/issue", null, draftETag);

        var stale = await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/plans/{id}/close", null, draftETag);

        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        Assert.That(await InDatabase(db => db.Plans.Select(p => p.Status).SingleAsync()), Is.EqualTo(PlanStatus.Issued));
    }

    [Test]
    public async Task AStaleIfMatchOnADeleteGets412AndKeepsTheResource()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12" });
        var location = created.Headers.Location!.ToString();
        var replaced = await Client.SendWithIfMatch(HttpMethod.Put, location, new { text = "annually before 25/12" }, created.Headers.ETag!.ToString());

        var stale = await Client.SendWithIfMatch(HttpMethod.Delete, location, null, created.Headers.ETag!.ToString());

        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK), await replaced.Content.ReadAsStringAsync());
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        Assert.That((await Client.GetAsync(location)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RotatingAndRevokingAClientNameItsVersion()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/clients", new { name = "Sở Y tế reporting", roles = new[] { "Reader" } });
        var id = (await ReadJson(created)).GetProperty("client").GetProperty("id").GetGuid();
        var first = created.Headers.ETag!.ToString();

        var rotated = await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/clients/{id}/rotate-key", null, first);
        var staleRevoke = await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/clients/{id}/revoke", null, first);
        var revoke = await Client.SendWithIfMatch(HttpMethod.Post, $"/api/v1/clients/{id}/revoke", null, await Client.ETag($"/api/v1/clients/{id}"));

        Assert.That((rotated.StatusCode, rotated.Headers.ETag?.Tag), Is.EqualTo((HttpStatusCode.OK, "\"2\"")));
        await staleRevoke.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        Assert.That((revoke.StatusCode, revoke.Headers.ETag?.Tag), Is.EqualTo((HttpStatusCode.OK, "\"3\"")));
        Assert.That((await ReadJson(revoke)).GetProperty("revokedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String));
    }

    [Test]
    public async Task AYearsScheduleIsCreatedWithIfNoneMatchStarAndReplacedOnlyWithItsETag()
    {
        const string url = "/api/v1/calendar/years/2031/official-schedule";
        var body = new { entries = new[] { new { date = "2031-01-02", kind = "DayOff", reason = "Nghỉ bù" } } };

        var blind = await Client.PutAsJsonAsync(url, body);
        var create = await Client.PutNew(url, body);
        var createAgain = await Client.PutNew(url, body);
        var replace = await Client.SendWithIfMatch(HttpMethod.Put, url, body, create.Headers.ETag!.ToString());

        var required = await blind.AssertProblem(HttpStatusCode.PreconditionRequired, "If-Match", "version.required");
        Assert.That(required.GetProperty("detail").GetString(), Does.Contain("If-None-Match: *"));
        Assert.That((create.StatusCode, create.Headers.ETag?.Tag), Is.EqualTo((HttpStatusCode.OK, "\"1\"")));
        await createAgain.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        Assert.That((replace.StatusCode, replace.Headers.ETag?.Tag), Is.EqualTo((HttpStatusCode.OK, "\"2\"")));
    }

    [Test]
    public async Task ConcurrentWritesOfOneYearsScheduleGiveOneWinnerAndPreconditionFailuresForTheRest()
    {
        const string url = "/api/v1/calendar/years/2032/official-schedule";
        var body = new { entries = new[] { new { date = "2032-01-02", kind = "DayOff", reason = "Nghỉ bù" } } };

        var creates = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PutNew(url, body)));
        var etag = creates.Single(r => r.StatusCode == HttpStatusCode.OK).Headers.ETag!.ToString();
        var replaces = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Client.SendWithIfMatch(HttpMethod.Put, url,
            new { entries = new[] { new { date = $"2032-01-{i + 3:00}", kind = "DayOff", reason = "Nghỉ bù" } } }, etag)));

        Assert.Multiple(() =>
        {
            foreach (var batch in new[] { creates, replaces })
            {
                Assert.That(batch.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
                Assert.That(batch.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.PreconditionFailed));
            }
        });
        var stored = await ReadJson(await Client.GetAsync(url));
        Assert.That(stored.GetProperty("entries").GetArrayLength(), Is.EqualTo(1));
    }
}
