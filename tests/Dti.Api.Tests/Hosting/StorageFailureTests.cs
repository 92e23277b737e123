using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// Only a duplicate key is the client's conflict (409); any other database failure is the server's (500, a trace id and
/// nothing of the internals). The database itself refuses here: this fixture adds a unique index the API does not check
/// first, and a rule that refuses one short name (a CHECK constraint on PostgreSQL, a trigger on SQLite, which reports it
/// as a constraint failure too, so telling them apart needs the extended code).
/// </summary>
public sealed class StorageFailureTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string RefusedShortName = "Bị chặn";

    [OneTimeSetUp]
    public async Task AddDatabaseRules() => await InDatabase(async db =>
    {
        await db.Database.ExecuteSqlRawAsync("""CREATE UNIQUE INDEX "IX_Test_Agencies_ShortName" ON "Agencies" ("ShortName")""");
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.Postgres
            ? $"""ALTER TABLE "Agencies" ADD CONSTRAINT "CK_Test_Refused" CHECK ("ShortName" <> '{RefusedShortName}')"""
            : $"""CREATE TRIGGER "TR_Test_Refused" BEFORE INSERT ON "Agencies" WHEN NEW."ShortName" = '{RefusedShortName}' BEGIN SELECT RAISE(ABORT, 'refused by TR_Test_Refused'); END""");
        return 0;
    });

    [Test]
    public async Task ADuplicateKeyTheDatabaseFindsIsAConflict()
    {
        Assert.That((await Create("000.00.31.H50", "Sở KH&CN")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var response = await Create("000.00.32.H50", "Sở KH&CN");

        await response.AssertProblem(HttpStatusCode.Conflict, rule: "storage.conflict");
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.EqualTo(1));
    }

    [TestCase(null)]
    [TestCase("text/html")]
    public async Task AnyOtherDatabaseFailureIsA500WithOnlyATraceId(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies")
        {
            Content = JsonContent.Create(new { code = "000.00.33.H50", fullName = "Sở bị chặn", shortName = RefusedShortName, kind = "Department", validFrom = "2020-01-01" }),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await Client.SendAsync(request);

        var problem = await response.AssertProblem(HttpStatusCode.InternalServerError);
        Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
        Assert.That(problem.TryGetProperty("rule", out _), Is.False, "not a conflict the client could resolve");
        Assert.That(problem.GetRawText(), Does.Not.Contain("Test_Refused").And.Not.Contain("Agencies").And.Not.Contain("Exception").And.Not.Contain("   at "));
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
    }

    private Task<HttpResponseMessage> Create(string code, string shortName) =>
        Client.PostAsJsonAsync("/api/v1/agencies", new { code, fullName = shortName + " tỉnh Quảng Trị", shortName, kind = "Department", validFrom = "2020-01-01" });
}
