using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Dti.Application.Clients;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using MediatR;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Polly;
using Polly.Retry;
using Respawn;
using Respawn.Graph;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// Base of every functional test: each fixture runs once per provider (SQLite, PostgreSQL) against its own
/// database, migrated by the application's start-up (<see cref="TestDatabase.CreateMigratedAsync"/>), which is emptied and re-seeded with reference data before each test.
/// <see cref="Client"/> calls as a Coordinator (a client created after each reset); <see cref="CreateClientAsync"/>
/// gives an HttpClient for any role, <see cref="Anonymous"/> one without credentials.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public abstract class ApiTestBase(DatabaseProvider provider)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected DatabaseProvider Provider { get; } = provider;

    protected DtiApiFactory Factory { get; private set; } = null!;

    /// <summary>Authenticated as <see cref="Coordinator"/>, re-created before each test.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Sends no credentials.</summary>
    protected HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The Coordinator client <see cref="Client"/> calls as, with its key.</summary>
    protected ClientWithKeyDto Coordinator { get; private set; } = null!;

    private readonly List<HttpClient> _clients = [];

    private Respawner? _respawner;

    /// <summary>Extra configuration for this fixture's application.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Builds this fixture's application before it starts; override to capture its logs or serve it on a real port.</summary>
    protected virtual DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings);

    [OneTimeSetUp]
    public async Task StartApplication()
    {
        var database = await TestDatabase.CreateMigratedAsync(Provider);
        Factory = CreateFactory(database);
        Client = Factory.CreateClient();
        Anonymous = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopApplication()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }

    /// <summary>
    /// Empties every table but EF's own (migrations history and lock) with Respawn, then loads the reference data again.
    /// </summary>
    [SetUp]
    public async Task ResetDatabase()
    {
        await using (var connection = await Factory.Database.OpenConnectionAsync())
        {
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = Provider == DatabaseProvider.Postgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
                TablesToIgnore = [new Table(HistoryRepository.DefaultTableName), new Table("__EFMigrationsLock")],
            });
            if (Provider == DatabaseProvider.Sqlite)
            {
                // Respawn deletes SQLite tables inside a transaction, where its own "PRAGMA foreign_keys = OFF" does
                // nothing, and its order breaks on self-referencing tables (agencies, plans). Off for this connection
                // only, which is closed right after; the application's connections keep foreign keys on.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys = OFF";
                await pragma.ExecuteNonQueryAsync();
            }

            await EmptyTablesAsync(connection);
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);

        Coordinator = await CreateApiKeyAsync(ClientRole.Coordinator, name: "Test coordinator");
        Client.DefaultRequestHeaders.Remove(ApiKeyHeader);
        Client.DefaultRequestHeaders.Add(ApiKeyHeader, Coordinator.ApiKey);
    }

    /// <summary>
    /// Respawn's reset, again when PostgreSQL picked it as a deadlock's victim (Polly, as the host's start-up retries its
    /// connection): the host's background work (the outbox dispatcher, webhook deliveries, reminders) may still be writing
    /// what the previous test started while the reset deletes, and the two can lock rows in opposite orders. The victim's
    /// statements are rolled back whole, so the reset deleted nothing and runs again; the host's side is the
    /// application's to retry.
    /// </summary>
    private static readonly ResiliencePipeline ResetRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<PostgresException>(e => e.SqlState == PostgresErrorCodes.DeadlockDetected),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
            OnRetry = args =>
            {
                TestContext.Progress.WriteLine($"Reset chosen as a deadlock's victim (attempt {args.AttemptNumber + 1}); running it again.");
                return default;
            },
        })
        .Build();

    private Task EmptyTablesAsync(DbConnection connection) =>
        ResetRetry.ExecuteAsync(async _ => await _respawner!.ResetAsync(connection)).AsTask();

    [TearDown]
    public void DisposeClients()
    {
        _clients.ForEach(c => c.Dispose());
        _clients.Clear();
    }

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Registers a client through the application's own use case and returns it with its key.</summary>
    protected async Task<ClientWithKeyDto> CreateApiKeyAsync(ClientRole role, IReadOnlyList<Guid>? agencyIds = null, string? name = null, DateTimeOffset? expiresAt = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
            new CreateClientCommand(new CreateClientInput(name ?? $"Test {role}", null, [role], agencyIds, expiresAt)))).Value;
    }

    /// <summary>An HttpClient that calls as a new client with <paramref name="role"/>, acting for <paramref name="agencyIds"/>.</summary>
    protected async Task<HttpClient> CreateClientAsync(ClientRole role, params Guid[] agencyIds) =>
        WithKey((await CreateApiKeyAsync(role, agencyIds)).ApiKey);

    /// <summary>An HttpClient that sends <paramref name="apiKey"/> as X-Api-Key; disposed after the test.</summary>
    protected HttpClient WithKey(string apiKey)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        _clients.Add(client);
        return client;
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
