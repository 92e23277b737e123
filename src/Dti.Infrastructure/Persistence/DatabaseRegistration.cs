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
            return provider == DatabaseProvider.Postgres ? WithPreparedStatements(configured) : configured;
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
    /// Turns on Npgsql's automatic preparation (<c>Max Auto Prepare</c>) unless the connection string sets it, 0 included.
    /// A statement run often on a connection is then planned once there instead of on every execution: planning the
    /// task-and-plan read that every progress report begins with cost PostgreSQL more than executing it (docs/benchmarks.md).
    /// Prepared statements survive the connection's return to the pool.
    /// </summary>
    /// <exception cref="StartupException">The string is not a PostgreSQL connection string Npgsql can read.</exception>
    public static string WithPreparedStatements(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        System.Data.Common.DbConnectionStringBuilder keys;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"ConnectionStrings:Dti is not a PostgreSQL connection string Npgsql can read: {e.Message}");
        }

        if (keys.ContainsKey("Max Auto Prepare") || keys.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        builder.MaxAutoPrepare = MaxAutoPrepare;
        return builder.ConnectionString;
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
