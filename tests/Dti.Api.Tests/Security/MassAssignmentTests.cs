using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>Server-owned fields cannot be set through a body: unknown properties are rejected, never ignored (OWASP API3).</summary>
public sealed class MassAssignmentTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [TestCase("id", "\"0195e6d2-0000-7000-8000-000000000001\"")]
    [TestCase("createdAt", "\"2020-01-01T00:00:00+07:00\"")]
    [TestCase("status", "\"Published\"")]
    [TestCase("version", "42")]
    public async Task ServerOwnedFieldsInAnImportAreRejectedByName(string field, string value)
    {
        var body = FrameworkBodies.Complete();
        body[field] = JsonNode.Parse(value);

        var response = await Client.PostAsJsonAsync("/api/v1/frameworks", body);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, field);
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain("Unknown property"));
        Assert.That((await ReadJson(await Client.GetAsync("/api/v1/frameworks"))).GetProperty("totalCount").GetInt32(), Is.EqualTo(2), "nothing was imported");
    }
}
