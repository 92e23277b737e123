using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Api.Tests.Persistence;

/// <summary>What the tests of a data-moving migration share: migrating a test database to a migration, and writing rows as EF Core stores them.</summary>
internal static class MigrationSteps
{
    /// <summary>
    /// A new database migrated to <paramref name="before"/> (just before the migration under test), given the rows
    /// <paramref name="insertRows"/> writes there as the application wrote them then, and migrated to the latest.
    /// </summary>
    public static async Task<TestDatabase> MigratedOverRowsAsync(DatabaseProvider provider, string before, Func<TestDatabase, Task> insertRows)
    {
        ArgumentNullException.ThrowIfNull(insertRows);
        var database = await TestDatabase.CreateAsync(provider);
        await MigrateAsync(database, before);
        await insertRows(database);
        await MigrateAsync(database, null);
        return database;
    }

    /// <summary>Migrates <paramref name="database"/> up or down to <paramref name="target"/> (the latest when null).</summary>
    public static async Task MigrateAsync(TestDatabase database, string? target)
    {
        await using var db = Context(database);
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    /// <summary>A GUID as EF Core stores it: upper-case text on SQLite (PostgreSQL reads any case into its uuid type).</summary>
    public static string Literal(Guid id) => $"'{id.ToString().ToUpperInvariant()}'";

    public static DtiDbContext Context(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, database.Provider, database.ConnectionString);
        return new DtiDbContext(builder.Options);
    }
}
