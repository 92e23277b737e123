using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// Migrations name no store types and carry no provider annotations, so one set builds the schema on SQLite, PostgreSQL
/// and SQL Server. Raw SQL is allowed only to move data, with a branch for each of the three providers: every provider
/// gets the same schema steps.
/// </summary>
public sealed class MigrationsAreProviderNeutralTests
{
    private static readonly string[] Providers =
        ["Microsoft.EntityFrameworkCore.Sqlite", "Npgsql.EntityFrameworkCore.PostgreSQL", "Microsoft.EntityFrameworkCore.SqlServer"];

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
    public void MigrationUsesNoStoreSpecificTypesOrAnnotations(Type migrationType)
    {
        foreach (var provider in Providers)
        {
            var operations = Operations(migrationType, provider);
            var columns = operations.OfType<CreateTableOperation>().SelectMany(t => t.Columns).Cast<ColumnOperation>()
                .Concat(operations.OfType<AddColumnOperation>())
                .Concat(operations.OfType<AlterColumnOperation>())
                .ToList();

            Assert.That(columns.Where(c => c.ColumnType is not null).Select(c => $"{c.Table}.{c.Name}: {c.ColumnType}"), Is.Empty, provider);
            Assert.That(
                operations.Concat(columns).SelectMany(o => o.GetAnnotations()).Select(a => a.Name)
                    .Where(name => name.StartsWith("Npgsql:", StringComparison.Ordinal) || name.StartsWith("Sqlite:", StringComparison.Ordinal) || name.StartsWith("SqlServer:", StringComparison.Ordinal)),
                Is.Empty,
                provider);
        }
    }

    [TestCaseSource(nameof(Migrations))]
    public void RawSqlOnlyMovesDataAndEveryProviderGetsTheSameSchemaSteps(Type migrationType)
    {
        var byProvider = Providers.ToDictionary(p => p, p => Operations(migrationType, p));

        var schemaSteps = byProvider.Values.Select(ops => string.Join("\n", ops.Where(o => o is not SqlOperation).Select(Describe))).Distinct().ToList();
        var dataSteps = byProvider.Values.Select(ops => ops.OfType<SqlOperation>().Count()).Distinct().ToList();
        var sql = byProvider.Values.SelectMany(ops => ops.OfType<SqlOperation>()).Select(o => o.Sql.TrimStart()).ToList();

        Assert.That(schemaSteps, Has.Count.EqualTo(1), "the schema steps differ between providers");
        Assert.That(dataSteps, Has.Count.EqualTo(1), "a data step is missing for some provider");
        Assert.That(sql.Where(s => !s.StartsWith("INSERT ", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("UPDATE ", StringComparison.OrdinalIgnoreCase)), Is.Empty, "raw SQL may only insert or update rows");
    }

    private static List<MigrationOperation> Operations(Type migrationType, string provider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationType)!;
        migration.ActiveProvider = provider;
        return [.. migration.UpOperations.Concat(migration.DownOperations)];
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation t => $"create {t.Name} ({string.Join(",", t.Columns.Select(c => $"{c.Name}:{c.ClrType.Name}:{c.MaxLength}:{c.IsNullable}"))})",
        AddColumnOperation c => $"add {c.Table}.{c.Name}:{c.ClrType.Name}:{c.MaxLength}:{c.IsNullable}",
        DropColumnOperation c => $"drop {c.Table}.{c.Name}",
        DropTableOperation t => $"drop {t.Name}",
        CreateIndexOperation i => $"index {i.Table}.{i.Name}",
        _ => operation.GetType().Name,
    };
}
