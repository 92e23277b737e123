using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.ErrorHandling;

/// <summary>
/// A query value that does not parse as its optional parameter's type is a 400 naming the parameter and the value, as
/// for a required one, whatever the type: the request delegates generated at compile time answer an unparsable optional
/// value with a bare 400 unless <c>Endpoints/OptionalParameterBinding</c> names it.
/// </summary>
public sealed class ParameterBindingTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [TestCase("page=x", "page")]
    [TestCase("pageSize=1.5", "pageSize")]
    [TestCase("agencyId=not-a-guid", "agencyId")]
    [TestCase("dueFrom=2026-13-01", "dueFrom")]
    [TestCase("status=Finished", "status")]
    [TestCase("overdue=maybe", "overdue")]
    [TestCase("page=2&dueTo=31/12/2026", "dueTo")]
    public async Task AnOptionalValueThatDoesNotParseIsABadRequestNamingIt(string query, string field)
    {
        var value = query.Split('&').Single(p => p.StartsWith(field + "=", StringComparison.Ordinal))[(field.Length + 1)..];

        var problem = await (await Client.GetAsync($"/api/v1/tasks?{query}")).AssertProblem(HttpStatusCode.BadRequest, field);

        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Is.EqualTo($"'{value}' is not a valid value for '{field}'."));
    }

    [Test]
    public async Task ValuesThatParseAreServed()
    {
        var response = await Client.GetAsync("/api/v1/tasks?page=1&pageSize=5&status=NotStarted&overdue=false&dueFrom=2026-01-01&dueTo=2026-12-31");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
