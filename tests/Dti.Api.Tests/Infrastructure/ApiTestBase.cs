using System.Net.Http.Json;
using System.Text.Json;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// Base of every functional test: each fixture runs once per provider (SQLite, PostgreSQL) against its own
/// freshly migrated database, which is emptied and re-seeded with reference data before each test.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public abstract class ApiTestBase(DatabaseProvider provider)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected DatabaseProvider Provider { get; } = provider;

    protected DtiApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Extra configuration for this fixture's application.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public async Task StartApplication()
    {
        var database = await TestDatabase.CreateAsync(Provider);
        Factory = new DtiApiFactory(database, Settings);
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopApplication()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }

    [SetUp]
    public async Task ResetDatabase()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        // Table names come from the EF model, not from input.
        var sql = Provider == DatabaseProvider.Postgres
            ? $"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} CASCADE"
            : "PRAGMA foreign_keys = OFF; " + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; ")) + "PRAGMA foreign_keys = ON;";
        await db.Database.ExecuteSqlRawAsync(sql);

        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
    }

    /// <summary>Runs <paramref name="action"/> against the application's database directly, to check what is stored.</summary>
    protected async Task<T> InDatabase<T>(Func<DtiDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DtiDbContext>());
    }

    protected static async Task<JsonElement> ReadJson(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);
}
