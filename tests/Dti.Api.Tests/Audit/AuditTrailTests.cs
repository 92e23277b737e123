using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Auditing;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Audit;

public sealed class AuditTrailTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task CreatingAFrameworkRecordsWhoCreatedWhatInWhichRequest()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete());
        var id = (await ReadJson(response)).GetProperty("id").GetString()!;

        var entry = await Single($"entityType=Framework&entityId={id}");

        Assert.That(entry.GetProperty("action").GetString(), Is.EqualTo("Created"));
        Assert.That(entry.GetProperty("clientId").GetString(), Is.EqualTo(Coordinator.Client.Id.ToString()));
        Assert.That(entry.GetProperty("clientName").GetString(), Is.EqualTo("Test coordinator"));
        Assert.That(entry.GetProperty("requestId").GetString(), Is.Not.Empty);
        Assert.That(entry.GetProperty("occurredAt").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(before));
        var changes = entry.GetProperty("changes");
        Assert.That(changes.GetProperty("code").GetProperty("new").GetString(), Is.EqualTo("TEST-2015"));
        Assert.That(changes.GetProperty("code").GetProperty("old").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(changes.GetProperty("status").GetProperty("new").GetString(), Is.EqualTo("Draft"));
    }

    [Test]
    public async Task ChildEntitiesAreRecordedUnderTheirOwnType()
    {
        await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete());

        var page = await ReadJson(await Client.GetAsync($"/api/v1/audit?entityType=MainIndex&clientId={Coordinator.Client.Id}&pageSize=100"));

        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(9));
        Assert.That(page.GetProperty("items")[0].GetProperty("changes").GetProperty("frameworkId").GetProperty("new").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task AnUpdateRecordsOnlyTheChangedFieldsWithOldAndNewValues()
    {
        var id = (await ReadJson(await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete()))).GetProperty("id").GetString();
        var body = FrameworkBodies.Complete();
        body["titleEn"] = "Provincial DTI, revised";

        var response = await Client.SendCurrent(HttpMethod.Put, "/api/v1/frameworks/TEST-2015", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        var entry = await Single($"entityType=Framework&entityId={id}&pageSize=1");
        Assert.That(entry.GetProperty("action").GetString(), Is.EqualTo("Updated"));
        var changes = entry.GetProperty("changes");
        Assert.That(changes.GetProperty("titleEn").GetProperty("old").GetString(), Is.EqualTo("Provincial Digital Transformation Index"));
        Assert.That(changes.GetProperty("titleEn").GetProperty("new").GetString(), Is.EqualTo("Provincial DTI, revised"));
        Assert.That(changes.GetProperty("version").GetProperty("new").GetInt32(), Is.EqualTo(changes.GetProperty("version").GetProperty("old").GetInt32() + 1));
        Assert.That(changes.TryGetProperty("code", out _), Is.False, "unchanged fields are not recorded");
        Assert.That(changes.TryGetProperty("titleVi", out _), Is.False, "unchanged fields are not recorded");
    }

    [Test]
    public async Task VietnameseTextAndQuotesAreStoredAsThemselvesInTheChanges()
    {
        var id = (await ReadJson(await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete()))).GetProperty("id").GetString();
        var body = FrameworkBodies.Complete();
        const string title = "Bộ chỉ số \"DTI\" cấp tỉnh, sửa đổi";
        body["titleVi"] = title;
        var response = await Client.SendCurrent(HttpMethod.Put, "/api/v1/frameworks/TEST-2015", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        // Whoever reads the audit table itself (an inspector with SQL, an export) reads the text, not \u escapes of six
        // bytes each.
        var stored = await InDatabase(db => db.AuditEntries.Where(e => e.EntityType == "Framework" && e.EntityId == id && e.Action == AuditAction.Updated)
            .Select(e => e.Changes).SingleAsync());
        var entry = await Single($"entityType=Framework&entityId={id}&pageSize=1");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Contain("\"Bộ chỉ số \\\"DTI\\\" cấp tỉnh, sửa đổi\""));
            Assert.That(stored, Does.Not.Contain("\\u"));
            Assert.That(entry.GetProperty("changes").GetProperty("titleVi").GetProperty("new").GetString(), Is.EqualTo(title));
        });
    }

    [Test]
    public async Task PublishingRecordsTheStatusChange()
    {
        var id = (await ReadJson(await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete()))).GetProperty("id").GetString();

        var response = await Client.SendCurrent(HttpMethod.Post, "/api/v1/frameworks/TEST-2015/publish", resource: "/api/v1/frameworks/TEST-2015");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        var entry = await Single($"entityType=Framework&entityId={id}&pageSize=1");
        var changes = entry.GetProperty("changes");
        Assert.That(changes.GetProperty("status").GetProperty("old").GetString(), Is.EqualTo("Draft"));
        Assert.That(changes.GetProperty("status").GetProperty("new").GetString(), Is.EqualTo("Published"));
        Assert.That(changes.GetProperty("publishedAt").GetProperty("old").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(changes.GetProperty("publishedAt").GetProperty("new").GetDateTimeOffset(), Is.Not.EqualTo(default(DateTimeOffset)));
    }

    [Test]
    public async Task AClientActingForOneAgencyIsRecordedWithThatAgency()
    {
        var agency = Guid.NewGuid();
        var coordinator = await CreateClientAsync(ClientRole.Coordinator, agency);

        await coordinator.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete());

        var page = await ReadJson(await Client.GetAsync($"/api/v1/audit?agencyId={agency}&entityType=Framework"));
        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
        Assert.That(page.GetProperty("items")[0].GetProperty("agencyId").GetGuid(), Is.EqualTo(agency));
    }

    [Test]
    public async Task KeyHashesNeverReachTheAuditTrail()
    {
        var created = await ReadJson(await Client.PostAsJsonAsync("/api/v1/clients", new { name = "Audited", roles = new[] { "Reader" } }));
        var id = created.GetProperty("client").GetProperty("id").GetString();
        await Client.SendCurrent(HttpMethod.Post, $"/api/v1/clients/{id}/rotate-key", resource: $"/api/v1/clients/{id}");

        var page = await Client.GetStringAsync($"/api/v1/audit?entityType=ApiClient&entityId={id}");

        var entries = JsonDocument.Parse(page).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.That(entries.Select(e => e.GetProperty("action").GetString()), Is.EqualTo(new[] { "Updated", "Created" }));
        Assert.That(entries[0].GetProperty("changes").GetProperty("keyHash").GetProperty("new").GetString(), Is.EqualTo("[redacted]"));
        Assert.That(page, Does.Not.Contain(created.GetProperty("apiKey").GetString()));
    }

    [Test]
    public async Task TheTrailIsFilteredByTimeAndPagedNewestFirst()
    {
        await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete("TEST-2015", 2015, 2016));
        var middle = DateTimeOffset.UtcNow;
        await Client.PostAsJsonAsync("/api/v1/frameworks", FrameworkBodies.Complete("TEST-2017", 2017, 2018));

        var all = await ReadJson(await Client.GetAsync($"/api/v1/audit?entityType=Framework&clientId={Coordinator.Client.Id}&pageSize=1"));
        var later = await ReadJson(await Client.GetAsync($"/api/v1/audit?entityType=Framework&clientId={Coordinator.Client.Id}&from={Uri.EscapeDataString(middle.ToString("O"))}"));

        Assert.That(all.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
        Assert.That(all.GetProperty("items")[0].GetProperty("changes").GetProperty("code").GetProperty("new").GetString(), Is.EqualTo("TEST-2017"));
        Assert.That(later.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task APageLargerThanTheLimitIsRejected() =>
        await (await Client.GetAsync("/api/v1/audit?pageSize=101")).AssertProblem(HttpStatusCode.BadRequest, "pageSize");

    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task TheTrailCannotBeChangedThroughTheApi(string method) =>
        await (await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/audit"))).AssertProblem(HttpStatusCode.MethodNotAllowed);

    private async Task<JsonElement> Single(string query)
    {
        var page = await ReadJson(await Client.GetAsync($"/api/v1/audit?{query}"));
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.GreaterThanOrEqualTo(1), page.ToString());
        return page.GetProperty("items")[0];
    }
}
