using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// A failure nobody planned for — here the database loses a table under the running API — is a 500 that
/// carries a trace id and nothing of the internals (no exception type, SQL or stack). Own fixture: it breaks its database.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class UnexpectedFailureTests(DatabaseProvider provider)
{
    [Test]
    public async Task AnUnexpectedFailureIsA500WithATraceIdAndNoInternals()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new DtiApiFactory(database);
        using var client = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var coordinator = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateClientCommand(new CreateClientInput("Test coordinator", null, [ClientRole.Coordinator], null, null)));
            client.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, coordinator.Value.ApiKey);
            await scope.ServiceProvider.GetRequiredService<DtiDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"Pillars\"");
        }

        var response = await client.GetAsync("/api/v1/frameworks/QD-922-2022");

        var problem = await response.AssertProblem(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
        Assert.That(body, Does.Not.Contain("Pillars").And.Not.Contain("Exception").And.Not.Contain("   at "));
    }
}
