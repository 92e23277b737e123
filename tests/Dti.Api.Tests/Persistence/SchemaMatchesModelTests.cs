using System.Data.Common;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// The migrations must build exactly the schema the EF model describes. The test builds one database with the
/// migrations and one straight from the model, reads both back from the database catalog, and compares tables,
/// columns, types, nullability, keys, indexes and foreign keys. A model change without a migration fails here, and
/// so does a migration whose model snapshot was not brought up to date (EF's own check).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SchemaMatchesModelTests(DatabaseProvider provider)
{
    [Test]
    public async Task MigrationsBuildExactlyTheSchemaTheModelDescribes()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Context(fromModel))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await Describe(fromModel);
        var actual = await Describe(migrated);

        Assert.That(expected, Is.Not.Empty);
        Assert.That(actual.Except(expected), Is.Empty, "in the migrated database but not in the model");
        Assert.That(expected.Except(actual), Is.Empty, "in the model but not built by any migration");
    }

    [Test]
    public void TheModelSnapshotMatchesTheModel()
    {
        // Nothing connects: EF compares the migrations' model snapshot with the model built for this provider.
        using var db = Context(provider, provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : "Host=127.0.0.1;Database=unused");

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, SnapshotAdvice);
    }

    [Test]
    public async Task EveryMigrationIsRecordedAsApplied()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);

        await db.Database.MigrateAsync();

        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()));
    }

    /// <summary>What to do when the snapshot and the model differ; shared with the SQL Server check.</summary>
    public const string SnapshotAdvice =
        "The model changed since the last migration: run scripts/add-migration.sh <Name>, or, after writing a migration by hand, scripts/add-migration.sh --snapshot-only.";

    private static DtiDbContext Context(TestDatabase database) => Context(database.Provider, database.ConnectionString);

    private static DtiDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, provider, connectionString);
        return new DtiDbContext(builder.Options);
    }

    private async Task<List<string>> Describe(TestDatabase database)
    {
        await using var db = Context(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = provider == DatabaseProvider.Sqlite ? await DescribeSqlite(connection) : await DescribePostgres(connection);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<List<string>> DescribeSqlite(DbConnection connection)
    {
        var rows = new List<string>();
        var tables = await Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF'");
        foreach (var table in tables.Select(t => t[0]))
        {
            rows.Add($"table {table}");
            rows.AddRange((await Query(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                .Select(c => $"column {table}.{c[0]} type={c[1]} notnull={c[2]} pk={c[3]}"));
            foreach (var index in await Query(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await Query(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                rows.Add($"index {table}.{index[0]} unique={index[1]} origin={index[2]} ({string.Join(",", columns.Select(c => c[0]))})");
            }

            rows.AddRange((await Query(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                .Select(f => $"fk {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}"));
        }

        return rows;
    }

    private static async Task<List<string>> DescribePostgres(DbConnection connection)
    {
        var rows = new List<string>();
        rows.AddRange((await Query(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''),
                   coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, ''), is_nullable, coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND substr(table_name, 1, 4) <> '__EF'
            """)).Select(c => $"column {c[0]}.{c[1]} type={c[2]}({c[3]}/{c[4]}/{c[5]}) nullable={c[6]} default={c[7]}"));
        rows.AddRange((await Query(connection, """
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            """)).Select(i => $"index {i[0]}"));
        rows.AddRange((await Query(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """)).Select(c => $"constraint {c[0]}.{c[1]} {c[2]}"));
        return rows;
    }

    private static async Task<List<string[]>> Query(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string[]>();
        while (await reader.ReadAsync())
        {
            result.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)]);
        }

        return result;
    }
}
