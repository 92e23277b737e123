using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Dti.Infrastructure.Persistence;

/// <summary>Chooses the database provider from configuration: SQLite, PostgreSQL or SQL Server.</summary>
public static class DatabaseRegistration
{
    public static DatabaseProvider ParseProvider(string? value) =>
        Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupException(
                $"Database:Provider is '{value}', which is not supported. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");

    public static string ConnectionString(IConfiguration configuration, DatabaseOptions options, DatabaseProvider provider, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return provider == DatabaseProvider.Postgres ? WithPostgresDefaults(configured) : configured;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.GetFullPath(options.SqlitePath, environment.ContentRootPath);
            return new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        throw new StartupException(
            $"ConnectionStrings:Dti is not set. Database:Provider={provider} needs a connection string (environment variable ConnectionStrings__Dti).");
    }

    /// <summary>How many statements each PostgreSQL connection keeps prepared unless the connection string says otherwise.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// How many connections one API instance holds at most unless the connection string says otherwise: four per
    /// processor, and never fewer than 16. Npgsql's own default (100) lets a burst of requests open as many PostgreSQL
    /// backends at once, which then contend for the server's cores and locks; past a few per core they add queueing
    /// inside PostgreSQL, not throughput (docs/decisions/0017-bounded-connection-pool.md).
    /// </summary>
    public static int MaxPoolSize { get; } = Math.Max(16, 4 * Environment.ProcessorCount);

    /// <summary>
    /// Npgsql settings Dti.Api runs with unless the connection string sets them itself, each on its own:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c> (<see cref="MaxAutoPrepare"/>; 0 turns it off): a statement run often on a connection is
    /// then planned once there instead of on every execution. Planning the task-and-plan read that every progress report
    /// begins with cost PostgreSQL more than executing it (docs/decisions/0014-prepared-statements.md). Prepared
    /// statements survive the connection's return to the pool.</item>
    /// <item><c>No Reset On Close=true</c>: a connection going back to the pool is not reset (seven statements PostgreSQL
    /// runs before the next request's first: <c>RESET ALL</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, unlocking advisory
    /// locks…). Dti.Api leaves no session state behind to reset: it sets no parameters, takes no session locks, listens on
    /// no channel and creates no temporary tables; an open transaction is still rolled back on close
    /// (docs/decisions/0015-no-reset-on-close.md).</item>
    /// <item><c>Maximum Pool Size</c> (<see cref="MaxPoolSize"/>, raised to the string's <c>Minimum Pool Size</c> if that is
    /// larger): requests beyond it wait for a connection (at most the string's <c>Timeout</c>) instead of opening more
    /// backends. No request holds two connections at once, so waiting requests cannot exhaust the pool between them
    /// (docs/decisions/0017-bounded-connection-pool.md).</item>
    /// </list>
    /// </summary>
    /// <exception cref="StartupException">The string is not a PostgreSQL connection string Npgsql can read.</exception>
    public static string WithPostgresDefaults(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        HashSet<string> keys;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
                .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"ConnectionStrings:Dti is not a PostgreSQL connection string Npgsql can read: {e.Message}");
        }

        var changed = false;
        if (!keys.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            changed = true;
        }

        if (!keys.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
            changed = true;
        }

        if (!keys.Contains("MaxPoolSize") && !keys.Contains("MaximumPoolSize"))
        {
            builder.MaxPoolSize = Math.Max(MaxPoolSize, builder.MinPoolSize);
            changed = true;
        }

        return changed ? builder.ConnectionString : connectionString;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.SqlServer => builder
                .UseSqlServer(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .ReplaceService<IMigrationsSqlGenerator, SqlServerSchemaGenerator>(),
            _ => throw new StartupException($"Database:Provider '{provider}' is not supported."),
        };

        builder.AddInterceptors(RowClaims.Interceptor(provider));

        // Drift between the model and the migrations is caught by the tests (the snapshot check and SchemaMatchesModel),
        // not at start-up: a snapshot lagging a correct hand-written migration must not stop a production start.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
