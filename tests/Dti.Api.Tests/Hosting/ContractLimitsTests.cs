using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// The limits the served document states are the ones the server enforces: a value at a stated limit is accepted,
/// one past it is refused with a 400 naming the field; a field the document calls nullable comes back null.
/// </summary>
public sealed class ContractLimitsTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private JsonNode _document = null!;

    [SetUp]
    public async Task ReadTheDocument() =>
        _document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;

    [TestCase("page")]
    [TestCase("pageSize")]
    public async Task AListParameterAcceptsItsStatedMaximumAndRefusesOneMore(string name)
    {
        var parameter = _document["paths"]!["/api/v1/agencies"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!;
        var maximum = (int)parameter["schema"]!["maximum"]!;
        Assert.That((int)parameter["schema"]!["minimum"]!, Is.EqualTo(1));

        var atLimit = await ReadJson(await Client.GetAsync($"/api/v1/agencies?{name}={maximum}"));
        var pastLimit = await Client.GetAsync($"/api/v1/agencies?{name}={maximum + 1}");

        Assert.That(atLimit.GetProperty(name).GetInt32(), Is.EqualTo(maximum));
        await pastLimit.AssertProblem(HttpStatusCode.BadRequest, name);
    }

    [Test]
    public async Task ABodyTextAcceptsItsStatedLengthAndRefusesOneMoreOrAControlCharacter()
    {
        var fullName = _document["components"]!["schemas"]!["AgencyInput"]!["properties"]!["fullName"]!;
        var maxLength = (int)fullName["maxLength"]!;
        Assert.That((string?)fullName["pattern"], Is.Not.Null.And.Not.Empty);

        var atLimit = await Client.PostAsJsonAsync("/api/v1/agencies", Agency("000.00.01.H50", new string('x', maxLength)));
        var pastLimit = await Client.PostAsJsonAsync("/api/v1/agencies", Agency("000.00.02.H50", new string('x', maxLength + 1)));
        var control = await Client.PostAsJsonAsync("/api/v1/agencies", Agency("000.00.03.H50", "Sở\u0000Y tế"));

        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.Created), await atLimit.Content.ReadAsStringAsync());
        await pastLimit.AssertProblem(HttpStatusCode.BadRequest, "fullName");
        await control.AssertProblem(HttpStatusCode.BadRequest, "fullName");
    }

    [Test]
    public async Task ResponseFieldsAreNullableExactlyWhereTheDocumentSays()
    {
        var schema = _document["components"]!["schemas"]!["AgencyDto"]!;
        var agency = await Client.CreateAgency("000.00.04.H50", "Sở Nội vụ", "SNV");

        Assert.That((bool?)schema["properties"]!["successionReason"]!["nullable"], Is.True);
        Assert.That(agency.GetProperty("successionReason").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        foreach (var required in schema["required"]!.AsArray().Select(r => (string)r!))
        {
            Assert.That(agency.GetProperty(required).ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null), $"'{required}' is required, so never null");
        }
    }

    private static object Agency(string code, string fullName) =>
        new { code, fullName, shortName = "Sở", kind = "Department", validFrom = "2020-01-01" };
}
