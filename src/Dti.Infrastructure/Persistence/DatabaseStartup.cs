using Dti.Infrastructure.Persistence.ReferenceData;
using Dti.Infrastructure.Persistence.SampleData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Dti.Infrastructure.Persistence;

/// <summary>What the API does with its database before it serves: reach it, migrate it, load reference data.</summary>
public sealed partial class DatabaseStartup(
    DtiDbContext db,
    IOptions<DatabaseOptions> options,
    IOptions<SampleDataOptions> sampleData,
    ReferenceDataSeeder seeder,
    SampleDataLoader sampleLoader,
    ILogger<DatabaseStartup> logger)
{
    /// <summary>The database EF's PostgreSQL provider connects to when it creates another.</summary>
    private const string MaintenanceDatabase = "postgres";

    public static async Task RunAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(migrate, cancellationToken);
    }

    /// <summary>The <c>sample-data</c> verb: migrate, then load the sample data whatever <c>SampleData:Load</c> says.</summary>
    public static async Task LoadSampleDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var startup = scope.ServiceProvider.GetRequiredService<DatabaseStartup>();
        await startup.PrepareAsync(migrate: true, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SampleDataLoader>().LoadAsync(cancellationToken);
    }

    public async Task PrepareAsync(bool migrate, CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(migrate, cancellationToken);
        if (migrate)
        {
            await MigrateAsync(cancellationToken);
        }
        else if (await PendingMigrationsAsync(cancellationToken) is { Count: > 0 } pending)
        {
            throw new StartupException(
                $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false. Run 'dotnet Dti.Api.dll migrate' (or 'dotnet run --project src/Dti.Api -- migrate') first.");
        }

        if (options.Value.SeedReferenceData)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        if (sampleData.Value.Load)
        {
            await sampleLoader.LoadAsync(cancellationToken);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = await PendingMigrationsAsync(cancellationToken);

        // EF's migrator first reads the history table with a SELECT that fails — and is logged as an error — on a new
        // database; creating the table first (as the migrator itself would next) keeps a first start free of errors.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        MigrationsApplied(logger, pending.Count, string.Join(", ", pending));
    }

    /// <summary>
    /// The migrations not applied yet. On a database without tables that is all of them, known without reading the
    /// history table, a read that would fail there and be logged as an error.
    /// </summary>
    private async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
        await db.GetService<IRelationalDatabaseCreator>().HasTablesAsync(cancellationToken)
            ? [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)]
            : [.. db.Database.GetMigrations()];

    private async Task EnsureReachableAsync(bool migrate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder();
        if (settings.StartupConnectAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.StartupConnectAttempts - 1,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException && !IsMissingDatabase(ex)),
                OnRetry = args =>
                {
                    RetryingConnect(logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder.Build();
        try
        {
            await pipeline.ExecuteAsync(ProbeAsync, cancellationToken);
        }
        catch (Exception ex) when (IsMissingDatabase(ex))
        {
            await CreateDatabaseAsync(migrate, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StartupException(
                $"Cannot reach the database set by ConnectionStrings:Dti (Database:Provider={settings.Provider}): {ex.GetBaseException().Message}", ex);
        }
    }

    /// <summary>
    /// Opens and closes the connection with plain ADO.NET: through EF a missing database would first be logged as an
    /// error, although start-up then creates it or explains what to do.
    /// </summary>
    private async ValueTask ProbeAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.CloseAsync();
    }

    /// <summary>PostgreSQL answers, but the database named in the connection string does not exist (SQLite creates its file).</summary>
    private static bool IsMissingDatabase(Exception ex) => ex is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName };

    /// <summary>
    /// Creates the missing PostgreSQL database when start-up migrates and the role has CREATEDB (EF connects to the
    /// maintenance database for it); otherwise stops with the one command that fixes it.
    /// </summary>
    private async Task CreateDatabaseAsync(bool migrate, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var fix = $"create it first: createdb -h {connection.Host} -p {connection.Port} -O {connection.Username} {connection.Database} " +
                  $"(or, as a role with CREATEDB: CREATE DATABASE \"{connection.Database}\" OWNER \"{connection.Username}\";)";
        if (!migrate)
        {
            throw new StartupException($"Database '{connection.Database}' does not exist and Database:MigrateOnStartup is false: {fix}, then run 'dotnet Dti.Api.dll migrate'.");
        }

        if (!await MayCreateDatabasesAsync(connection, cancellationToken))
        {
            throw new StartupException($"Database '{connection.Database}' does not exist and role '{connection.Username}' may not create it (no CREATEDB): {fix}.");
        }

        await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        DatabaseCreated(logger, connection.Database);
    }

    /// <summary>Asked before trying, so a role without the right gets one line from us rather than a failed command logged by EF.</summary>
    private static async Task<bool> MayCreateDatabasesAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = MaintenanceDatabase, Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated; {Count} migration(s) applied: {Migrations}")]
    private static partial void MigrationsApplied(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} did not exist and was created")]
    private static partial void DatabaseCreated(ILogger logger, string? database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void RetryingConnect(ILogger logger, int attempt, string? reason);
}
