using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Dti.Api.Tests.Persistence;

/// <summary>Migrations name no store types, run no raw SQL and carry no provider annotations, so one set builds the schema on SQLite, PostgreSQL and SQL Server.</summary>
public sealed class MigrationsAreProviderNeutralTests
{
    private static IEnumerable<Type> Migrations() =>
        typeof(DtiDbContext).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract);

    [Test]
    public void ThereIsAtLeastOneMigration() => Assert.That(Migrations(), Is.Not.Empty);

    [Test]
    public void TheSnapshotAndEachMigrationsTargetModelNameNoStoreTypes()
    {
        using var db = new DtiDbContext(new DbContextOptionsBuilder<DtiDbContext>().UseSqlite("Data Source=unused.db").Options);
        var assembly = db.GetService<IMigrationsAssembly>();
        var models = assembly.Migrations.Values
            .Select(type => assembly.CreateMigration(type, db.Database.ProviderName!).TargetModel)
            .Append(assembly.ModelSnapshot?.Model)
            .OfType<IModel>()
            .ToList();

        Assert.That(assembly.ModelSnapshot, Is.Not.Null, "the model snapshot is missing: run scripts/add-migration.sh --snapshot-only");
        Assert.That(
            models.SelectMany(m => m.GetEntityTypes()).SelectMany(t => t.GetProperties())
                .Where(p => p.FindAnnotation(RelationalAnnotationNames.ColumnType) is not null)
                .Select(p => $"{p.DeclaringType.Name}.{p.Name}: {p.FindAnnotation(RelationalAnnotationNames.ColumnType)!.Value}"),
            Is.Empty);
    }

    [TestCaseSource(nameof(Migrations))]
    public void MigrationUsesNoStoreSpecificTypesSqlOrAnnotations(Type migrationType)
    {
        var migration = (Migration)Activator.CreateInstance(migrationType)!;
        var operations = migration.UpOperations.Concat(migration.DownOperations).ToList();
        var columns = operations.OfType<CreateTableOperation>().SelectMany(t => t.Columns).Cast<ColumnOperation>()
            .Concat(operations.OfType<AddColumnOperation>())
            .Concat(operations.OfType<AlterColumnOperation>())
            .ToList();

        Assert.That(operations.OfType<SqlOperation>(), Is.Empty, "raw SQL is provider-specific");
        Assert.That(columns.Where(c => c.ColumnType is not null).Select(c => $"{c.Table}.{c.Name}: {c.ColumnType}"), Is.Empty);
        Assert.That(
            operations.Concat(columns).SelectMany(o => o.GetAnnotations()).Select(a => a.Name)
                .Where(name => name.StartsWith("Npgsql:", StringComparison.Ordinal) || name.StartsWith("Sqlite:", StringComparison.Ordinal) || name.StartsWith("SqlServer:", StringComparison.Ordinal)),
            Is.Empty);
    }
}
