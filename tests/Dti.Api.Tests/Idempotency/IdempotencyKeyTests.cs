using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Idempotency;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Idempotency;

/// <summary>
/// Idempotency-Key on creations, through HTTP on both databases: a burst of identical retries creates one object, the
/// first response is replayed afterwards, another request under the same key is 422, a malformed key is 400, and
/// nothing depends on the instance that answers (the claims are rows; a stale claim is taken over).
/// </summary>
public sealed class IdempotencyKeyTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Header = "Idempotency-Key";
    private const string Plans = "/api/v1/plans";

    /// <summary>Fifty requests at once from one client: the rate limit must not be what answers them.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitPerMinute"] = "100000",
    };

    private Guid _province;

    [SetUp]
    public async Task CreateTheIssuer() => _province = await Client.CreateAgencyId("000.00.00.H50", "UBND tỉnh Quảng Trị", "2008-01-01");

    [Test]
    public async Task FiftyConcurrentRetriesWithOneKeyCreateOnePlan()
    {
        var key = Guid.NewGuid().ToString();
        var body = ApiRequests.PlanBody(_province);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Client.SendAsync(Keyed(HttpMethod.Post, Plans, key, JsonContent.Create(body)))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict), string.Join(", ", statuses));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.AssertProblem(HttpStatusCode.Conflict, Header, "idempotency.in-flight");
        }

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.That(created, Is.Not.Empty);
        Assert.That(created.Count(r => !r.Headers.Contains("Idempotent-Replayed")), Is.EqualTo(1), "one original response; other successes are replays of it");
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.EqualTo(1), "exactly one plan stored");
        var planId = await InDatabase(db => db.Plans.Select(p => p.Id).SingleAsync());
        var original = created.Single(r => !r.Headers.Contains("Idempotent-Replayed"));

        var retry = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, key, JsonContent.Create(body)));

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(retry.Headers.Location, Is.EqualTo(original.Headers.Location).And.EqualTo(new Uri($"/api/v1/plans/{planId}", UriKind.Relative)));
        Assert.That(retry.Headers.ETag, Is.EqualTo(original.Headers.ETag));
        Assert.That(retry.Content.Headers.ContentType?.ToString(), Is.EqualTo(original.Content.Headers.ContentType?.ToString()));
        Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await original.Content.ReadAsStringAsync()));
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.EqualTo(1));
        Assert.That(await InDatabase(db => db.AuditEntries.CountAsync(a => a.EntityType == "Plan")), Is.EqualTo(1), "one creation audited");
    }

    [Test]
    public async Task TheSameKeyWithAnotherBodyIsRefusedNamingTheHeader()
    {
        var key = Guid.NewGuid().ToString();
        await Succeeds(Client.SendAsync(Keyed(HttpMethod.Post, Plans, key, JsonContent.Create(ApiRequests.PlanBody(_province, "170/KH-UBND")))));

        var other = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, key, JsonContent.Create(ApiRequests.PlanBody(_province, "171/KH-UBND"))));
        var elsewhere = await Client.SendAsync(Keyed(HttpMethod.Post, "/api/v1/agencies", key, JsonContent.Create(new { code = "000.00.31.H50", fullName = "Sở TT&TT", shortName = "Sở TT&TT", kind = "Department", validFrom = "2020-01-01" })));

        await other.AssertProblem(HttpStatusCode.UnprocessableEntity, Header, "idempotency.key-reused");
        await elsewhere.AssertProblem(HttpStatusCode.UnprocessableEntity, Header, "idempotency.key-reused");
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.EqualTo(1));
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.EqualTo(1), "only the issuer");
    }

    [TestCase("   ", TestName = "A key of blanks only")]
    [TestCase("khóa-có-dấu", TestName = "A key with characters outside ASCII")]
    [TestCase("\"unterminated", TestName = "A quoted key without its closing quote")]
    [TestCase("\"bad \\n escape\"", TestName = "A quoted key with an escape other than quote or backslash")]
    [TestCase("\"\"", TestName = "An empty quoted key")]
    public async Task AMalformedKeyIsABadRequestNamingTheHeader(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Plans) { Content = JsonContent.Create(ApiRequests.PlanBody(_province)) };
        request.Headers.TryAddWithoutValidation(Header, key);

        await (await Client.SendAsync(request)).AssertProblem(HttpStatusCode.BadRequest, Header);
        Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AKeyLongerThan255CharactersOrSentTwiceIsABadRequest()
    {
        var body = ApiRequests.PlanBody(_province);
        var twice = Keyed(HttpMethod.Post, Plans, "a", JsonContent.Create(body));
        twice.Headers.TryAddWithoutValidation(Header, "b");

        await (await Client.SendAsync(Keyed(HttpMethod.Post, Plans, new string('k', 256), JsonContent.Create(body)))).AssertProblem(HttpStatusCode.BadRequest, Header);
        await (await Client.SendAsync(twice)).AssertProblem(HttpStatusCode.BadRequest, Header);
        await Succeeds(Client.SendAsync(Keyed(HttpMethod.Post, Plans, new string('k', 255), JsonContent.Create(body))));
    }

    [Test]
    public async Task AQuotedKeyIsTheSameKeyAsItsContent()
    {
        var body = ApiRequests.PlanBody(_province);
        await Succeeds(Client.SendAsync(Keyed(HttpMethod.Post, Plans, "\"ke-hoach-170\"", JsonContent.Create(body))));

        var bare = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, "ke-hoach-170", JsonContent.Create(body)));

        Assert.That(bare.Headers.Contains("Idempotent-Replayed"), Is.True);
    }

    [Test]
    public async Task WithoutAKeyEveryRequestRuns()
    {
        await Succeeds(Client.PostAsJsonAsync(Plans, ApiRequests.PlanBody(_province, "170/KH-UBND")));
        var again = await Client.PostAsJsonAsync(Plans, ApiRequests.PlanBody(_province, "170/KH-UBND"));

        await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(await InDatabase(db => db.IdempotencyRecords.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AFinalClientErrorIsReplayedAndAConflictIsNot()
    {
        var broken = ApiRequests.PlanBody(Guid.NewGuid(), "171/KH-UBND");
        var first = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, "k-422", JsonContent.Create(broken)));
        var retry = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, "k-422", JsonContent.Create(broken)));

        await first.AssertProblem(HttpStatusCode.UnprocessableEntity);
        await retry.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()), "the problem exactly as first sent");

        // A duplicate document number is a conflict with what is stored now: it may not hold at the next retry.
        await Succeeds(Client.PostAsJsonAsync(Plans, ApiRequests.PlanBody(_province, "172/KH-UBND")));
        var conflict = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, "k-409", JsonContent.Create(ApiRequests.PlanBody(_province, "172/KH-UBND"))));
        await conflict.AssertProblem(HttpStatusCode.Conflict);
        Assert.That(await InDatabase(db => db.IdempotencyRecords.AnyAsync(r => r.Key == "k-409")), Is.False, "the key was released");
        Assert.That(await InDatabase(db => db.IdempotencyRecords.SingleAsync(r => r.Key == "k-422")), Has.Property(nameof(IdempotencyRecord.StatusCode)).EqualTo(422));
    }

    [Test]
    public async Task KeysBelongToTheirClient()
    {
        var body = ApiRequests.PlanBody(_province, "170/KH-UBND");
        var other = WithKey((await CreateApiKeyAsync(ClientRole.Coordinator, name: "Another coordinator")).ApiKey);
        await Succeeds(Client.SendAsync(Keyed(HttpMethod.Post, Plans, "shared-key", JsonContent.Create(body))));

        var theirs = await other.SendAsync(Keyed(HttpMethod.Post, Plans, "shared-key", JsonContent.Create(ApiRequests.PlanBody(_province, "171/KH-UBND"))));

        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.Created), await theirs.Content.ReadAsStringAsync());
        Assert.That(theirs.Headers.Contains("Idempotent-Replayed"), Is.False);
    }

    [Test]
    public async Task AClaimLeftByACrashedRequestIsTakenOverAfterTheTimeout()
    {
        var body = ApiRequests.PlanBody(_province);
        HttpRequestMessage Keyed() => IdempotencyKeyTests.Keyed(HttpMethod.Post, Plans, "crashed", JsonContent.Create(body));
        await Succeeds(Client.SendAsync(Keyed()));
        var claim = await InDatabase(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == "crashed"));

        // As if an instance claimed the key and died: the same fingerprint, no response, claimed a while ago.
        await InDatabase(db => db.IdempotencyRecords.Where(r => r.Key == "crashed").ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CompletedAt, (DateTimeOffset?)null).SetProperty(r => r.StatusCode, (int?)null).SetProperty(r => r.Body, (byte[]?)null)
            .SetProperty(r => r.ClaimedAt, DateTimeOffset.UtcNow.AddSeconds(-5))));
        var inFlight = await Client.SendAsync(Keyed());
        await InDatabase(db => db.IdempotencyRecords.Where(r => r.Key == "crashed").ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedAt, DateTimeOffset.UtcNow.AddMinutes(-5))));
        var takenOver = await Client.SendAsync(Keyed());

        await inFlight.AssertProblem(HttpStatusCode.Conflict, Header, "idempotency.in-flight");
        // The request runs again: here the plan it would create exists, which is a conflict (released, not stored).
        await takenOver.AssertProblem(HttpStatusCode.Conflict, rule: "plan.duplicate-number");
        Assert.That(await InDatabase(db => db.IdempotencyRecords.AnyAsync(r => r.Key == "crashed")), Is.False);
        Assert.That(claim.RequestHash, Has.Length.EqualTo(64));
    }

    [Test]
    public async Task AnEvidenceUploadRetriedWithANewBoundaryIsReplayed()
    {
        var pdf = EvidenceFiles.Pdf();
        var uri = $"/api/v1/agencies/{_province}/evidence";
        var first = await Client.SendAsync(Keyed(HttpMethod.Post, uri, "upload-1", EvidenceFiles.Upload(pdf, "Báo cáo quý 4.pdf", "Bản ký số")));
        var retry = await Client.SendAsync(Keyed(HttpMethod.Post, uri, "upload-1", EvidenceFiles.Upload(pdf, "Báo cáo quý 4.pdf", "Bản ký số")));
        var otherFile = await Client.SendAsync(Keyed(HttpMethod.Post, uri, "upload-1", EvidenceFiles.Upload(pdf, "Báo cáo quý 3.pdf", "Bản ký số")));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        await otherFile.AssertProblem(HttpStatusCode.UnprocessableEntity, Header, "idempotency.key-reused");
        Assert.That(await InDatabase(db => db.Evidence.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task ExpiredKeysAreDeletedAndMayBeUsedAgain()
    {
        await Succeeds(Client.SendAsync(Keyed(HttpMethod.Post, Plans, "old-key", JsonContent.Create(ApiRequests.PlanBody(_province, "170/KH-UBND")))));
        await InDatabase(db => db.IdempotencyRecords.ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var reused = await Client.SendAsync(Keyed(HttpMethod.Post, Plans, "old-key", JsonContent.Create(ApiRequests.PlanBody(_province, "171/KH-UBND"))));

        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Created), await reused.Content.ReadAsStringAsync());
        Assert.That(reused.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(await InDatabase(db => db.IdempotencyRecords.CountAsync()), Is.EqualTo(1), "the expired row was replaced");
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string uri, string key, HttpContent content)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(Header, key);
        return request;
    }

    private static async Task Succeeds(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
