using System.Globalization;
using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Obligations;

/// <summary>Without <c>from</c>/<c>to</c> the obligation lists cover the current assessment year; a missing end falls in the other's year.</summary>
public sealed class ObligationRangeTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private Guid _agency;

    [SetUp]
    public async Task CreateAgency() => _agency = await Client.CreateAgencyId("000.00.31.H50", "Sở KH&CN");

    [Test]
    public async Task WithoutDatesAnAgencysObligationsCoverTheCurrentAssessmentYear()
    {
        var response = await Client.GetAsync($"/api/v1/agencies/{_agency}/obligations");
        var result = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        var year = DateTimeOffset.Parse(result.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture).Year;
        Assert.That(result.GetProperty("asOf").GetString(), Does.EndWith("+07:00"), "the year is Vietnam's");
        Assert.That(result.GetProperty("from").GetString(), Is.EqualTo($"{year}-01-01"));
        Assert.That(result.GetProperty("to").GetString(), Is.EqualTo($"{year}-12-31"));
    }

    [TestCase("from=2024-03-01", "2024-03-01", "2024-12-31")]
    [TestCase("to=2023-06-30", "2023-01-01", "2023-06-30")]
    [TestCase("from=2022-01-01&to=2024-12-31", "2022-01-01", "2024-12-31")]
    public async Task AMissingEndFallsInTheYearOfTheOther(string query, string from, string to)
    {
        var result = await ReadJson(await Client.GetAsync($"/api/v1/agencies/{_agency}/obligations?{query}"));

        Assert.That(result.GetProperty("from").GetString(), Is.EqualTo(from));
        Assert.That(result.GetProperty("to").GetString(), Is.EqualTo(to));
    }

    [Test]
    public async Task WithoutDatesTheListOfAllObligationsAnswers()
    {
        var response = await Client.GetAsync("/api/v1/obligations");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ARangeTooLongIsStillRefused() =>
        await (await Client.GetAsync("/api/v1/obligations?from=2020-01-01&to=2030-12-31")).AssertProblem(HttpStatusCode.BadRequest, "to");
}
