using System.Data.Common;
using Dti.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider. PostgreSQL comes from DTI_TEST_POSTGRES (set by scripts/test.sh);
/// when it is missing the test fails — it never skips.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DTI_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>An empty database: the application's start-up creates its schema, as on a new installation.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>
    /// A database as the application's own start-up leaves it (migrated, reference data loaded), copied from a template
    /// that one start made for this test run: a fixture then starts without running every migration again.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        await CreateAsync(provider, await Templates[provider].Value);

    private static readonly IReadOnlyDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> Templates =
        Enum.GetValues<DatabaseProvider>().ToDictionary(p => p, p => new Lazy<Task<TestDatabase>>(() => CreateTemplateAsync(p)));

    private static async Task<TestDatabase> CreateTemplateAsync(DatabaseProvider provider)
    {
        var template = await CreateAsync(provider);
        await using (var factory = new DtiApiFactory(template))
        {
            _ = factory.Services; // starts the host: migrations and reference data, as on a first start
        }

        // PostgreSQL copies a template no one is connected to: the host's idle pooled connections are closed, and no
        // connection is let in again.
        if (provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(template._postgresAdmin);
            await connection.OpenAsync();
            await using var close = new NpgsqlCommand(
                $"ALTER DATABASE \"{template._postgresName}\" WITH ALLOW_CONNECTIONS false; " +
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template._postgresName}'", connection);
            await close.ExecuteNonQueryAsync();
        }

        return template;
    }

    /// <summary>Drops the templates at the end of the run (they are throwaway databases like any other).</summary>
    public static async Task DisposeTemplatesAsync()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
        {
            await (await template.Value).DisposeAsync();
        }
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestDatabase? template)
    {
        var name = $"dti_test_{Guid.NewGuid():N}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"{name}.db");
            if (template is not null)
            {
                File.Copy(template._sqlitePath!, path);
            }

            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), path, null, null);
        }

        var admin = PostgresAdminConnectionString();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var copy = template is null ? "" : $" TEMPLATE \"{template._postgresName}\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ToString(), null, admin, name);
    }

    /// <summary>An open connection of this database's provider, outside the application's pool.</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static string PostgresAdminConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server; PostgreSQL tests never skip.");

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, $"{_sqlitePath}-wal", $"{_sqlitePath}-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
