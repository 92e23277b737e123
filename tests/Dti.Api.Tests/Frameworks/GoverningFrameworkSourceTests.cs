using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Frameworks;
using Dti.Domain.Common;
using Dti.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Frameworks;

/// <summary>
/// The framework tree a report's terms are checked against is kept in memory (<see cref="GoverningFrameworkSource"/>), and
/// must never be older than the database: an edit of the governing draft, made through the API on any instance, is what the
/// next use on every instance sees. Two sources stand for two instances on one database.
/// </summary>
public sealed class GoverningFrameworkSourceTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task AnEditOfTheGoverningDraftIsWhatEveryInstanceUsesNext()
    {
        var body = FrameworkBodies.Complete();
        Assert.That((await Client.PostAsJsonAsync("/api/v1/frameworks", body)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var here = new GoverningFrameworkSource();
        var there = new GoverningFrameworkSource();

        var first = await GoverningAsync(here, 2016);
        var firstThere = await GoverningAsync(there, 2016);
        var again = await GoverningAsync(here, 2016);

        ((JsonArray)body["componentIndices"]!).Add(FrameworkBodies.Component("7.3", "7", "Tỷ lệ thủ tục có thanh toán trực tuyến (mẫu)", 0));
        var edited = await Client.SendCurrent(HttpMethod.Put, "/api/v1/frameworks/TEST-2015", body);
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edited.Content.ReadAsStringAsync());

        var after = await GoverningAsync(here, 2016);
        var afterThere = await GoverningAsync(there, 2016);
        Assert.Multiple(() =>
        {
            Assert.That(first.Code, Is.EqualTo("TEST-2015"));
            Assert.That(first.ComponentIndices.Select(c => c.Code), Is.EqualTo(new[] { "7.1", "7.2" }));
            Assert.That(firstThere.ComponentIndices.Select(c => c.Code), Is.EqualTo(new[] { "7.1", "7.2" }));
            Assert.That(again, Is.SameAs(first), "while the version stands, the copy held is used");
            Assert.That(after.Version, Is.GreaterThan(first.Version));
            Assert.That(after.ComponentIndices.Select(c => c.Code), Is.EquivalentTo(new[] { "7.1", "7.2", "7.3" }), "the instance that held the old tree");
            Assert.That(afterThere.ComponentIndices.Single(c => c.Code == "7.3").NameVi, Is.EqualTo("Tỷ lệ thủ tục có thanh toán trực tuyến (mẫu)"), "the other instance");
        });
    }

    [Test]
    public void AYearNoFrameworkGovernsBreaksARuleNamingTheField()
    {
        var source = new GoverningFrameworkSource();

        var refused = Assert.ThrowsAsync<DomainException>(() => GoverningAsync(source, 2015));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Rule, Is.EqualTo("plan.no-framework"));
            Assert.That(refused.Field, Is.EqualTo("assessmentYear"));
        });
    }

    private async Task<Domain.Frameworks.Framework> GoverningAsync(GoverningFrameworkSource source, int year)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await source.GetAsync(scope.ServiceProvider.GetRequiredService<DtiDbContext>(), year, "assessmentYear", CancellationToken.None);
    }
}
