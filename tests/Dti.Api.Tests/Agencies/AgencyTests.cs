using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Agencies;

public sealed class AgencyTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task AnAgencyIsRegisteredUnderItsElectronicIdentifier()
    {
        var created = await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01");

        var response = await Client.GetAsync($"/api/v1/agencies/{created.GetProperty("id").GetGuid()}");
        var agency = await ReadJson(response);

        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        Assert.That(agency.GetProperty("code").GetString(), Is.EqualTo("000.00.00.H50"));
        Assert.That(agency.GetProperty("kind").GetString(), Is.EqualTo("ProvincialPeoplesCommittee"));
        Assert.That(agency.GetProperty("validFrom").GetString(), Is.EqualTo("1989-07-01"));
        Assert.That(agency.GetProperty("validTo").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [TestCase("000.00.00.h50")]
    [TestCase("000.00.H50")]
    [TestCase("0000.00.00.H50")]
    [TestCase("000.00.00.H5")]
    [TestCase("000-00-00-H50")]
    public async Task ACodeNotInTheNationalShapeIsRejected(string code)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/agencies", new { code, fullName = "Sở Tư pháp", shortName = "STP", kind = "Department", validFrom = "2020-01-01" });

        await response.AssertProblem(HttpStatusCode.BadRequest, "code");
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ADuplicateCodeConflictsAndStoresNothing()
    {
        await Client.CreateAgency("000.00.00.H48", "Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi", "ProvincialPeoplesCommittee");

        var response = await Client.PostAsJsonAsync("/api/v1/agencies", new { code = "000.00.00.H48", fullName = "Khác", shortName = "Khác", kind = "Other", validFrom = "2020-01-01" });

        await response.AssertProblem(HttpStatusCode.Conflict, "code", "agency.code-taken");
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task AnUnknownParentIsRejected()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/agencies", new { code = "000.00.31.H50", fullName = "Sở Tư pháp", shortName = "STP", kind = "Department", validFrom = "2020-01-01", parentId = Guid.NewGuid() });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "parentId", "agency.unknown-parent");
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ValidToBeforeValidFromIsRejected()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/agencies", new { code = "000.00.31.H50", fullName = "Sở Tư pháp", shortName = "STP", kind = "Department", validFrom = "2020-01-01", validTo = "2019-12-31" });

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "validTo", "agency.validity");
    }

    [TestCase("quang tri", "UBND tỉnh Quảng Trị")]
    [TestCase("QUẢNG TRỊ", "UBND tỉnh Quảng Trị")]
    [TestCase("so khoa hoc", "Sở KH&CN")]
    [TestCase("dai phat thanh", "Đài PT-TH tỉnh")]
    public async Task SearchIgnoresCaseAndVietnameseDiacritics(string q, string expected)
    {
        await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee");
        await Client.CreateAgency("000.00.31.H50", "Sở Khoa học và Công nghệ", "Sở KH&CN");
        await Client.CreateAgency("000.00.32.H50", "Đài Phát thanh - Truyền hình tỉnh", "Đài PT-TH tỉnh", "Press");

        var page = await ReadJson(await Client.GetAsync($"/api/v1/agencies?q={Uri.EscapeDataString(q)}"));

        Assert.That(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("shortName").GetString()), Is.EqualTo(new[] { expected }));
    }

    [TestCase("[qlda]", "Ban [QLDA]")]
    [TestCase("100%", "Ban [QLDA]")]
    [TestCase("a_b", "TT a_b")]
    public async Task SearchTreatsLikeWildcardsAsPlainCharacters(string q, string expected)
    {
        await Client.CreateAgency("000.00.33.H50", "Ban Quản lý dự án [QLDA] 100%", "Ban [QLDA]");
        await Client.CreateAgency("000.00.34.H50", "Trung tâm 1000 a_b", "TT a_b");
        await Client.CreateAgency("000.00.35.H50", "Trung tâm axb Quản lý", "TT axb");

        var page = await ReadJson(await Client.GetAsync($"/api/v1/agencies?q={Uri.EscapeDataString(q)}"));

        Assert.That(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("shortName").GetString()), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public async Task ListsFilterByKindParentAndActiveDateAndSortByCode()
    {
        var province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee")).GetProperty("id").GetGuid();
        await Client.CreateAgency("000.00.32.H50", "Sở Nội vụ", "SNV", parentId: province);
        await Client.CreateAgency("000.00.31.H50", "Sở Thông tin và Truyền thông", "Sở TT&TT", validTo: "2025-02-28", parentId: province);

        var departments = await ReadJson(await Client.GetAsync($"/api/v1/agencies?kind=Department&parentId={province}&sort=code"));
        var activeIn2026 = await ReadJson(await Client.GetAsync("/api/v1/agencies?kind=Department&activeOn=2026-01-01"));

        Assert.That(departments.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()), Is.EqualTo(new[] { "000.00.31.H50", "000.00.32.H50" }));
        Assert.That(activeIn2026.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("shortName").GetString()), Is.EqualTo(new[] { "SNV" }));
    }

    [Test]
    public async Task AStaleIfMatchGets412AndChangesNothing()
    {
        var id = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        var body = new { code = "000.00.31.H50", fullName = "Sở Khoa học và Công nghệ", shortName = "Sở KH&CN", kind = "Department", validFrom = "2020-01-01" };
        var first = await Client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/agencies/{id}", body, "\"1\"");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var stale = await Client.SendWithIfMatch(HttpMethod.Put, $"/api/v1/agencies/{id}", body, "\"1\"");

        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        var stored = await InDatabase(db => db.Agencies.SingleAsync());
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.SearchName, Is.EqualTo("so khoa hoc va cong nghe so kh&cn"));
    }

    [Test]
    public async Task AnUnknownAgencyIsNotFound() =>
        await (await Client.GetAsync($"/api/v1/agencies/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
}
