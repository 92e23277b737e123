using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// What can be proven about SQL Server without a SQL Server (none runs here): the model builds for it, the complete
/// migration script parses as T-SQL and builds the schema the model describes, text compares like on the other
/// providers, unique indexes are filtered only where a column is nullable, and every key fits SQL Server's limits.
/// Executing the script against an engine is not part of this suite (ADR 0004).
/// </summary>
public sealed class SqlServerSchemaTests
{
    /// <summary>SQL Server's limits on the bytes of one key: clustered (the primary keys) and nonclustered.</summary>
    private const int ClusteredKeyBytes = 900;
    private const int NonclusteredKeyBytes = 1700;

    private static string MigrationScript()
    {
        using var db = SqlServerSchema.Context();
        return db.GetService<IMigrator>().GenerateScript();
    }

    [Test]
    public void TheModelBuildsForSqlServerWithoutWarnings()
    {
        using var db = SqlServerSchema.Context(b => b.ConfigureWarnings(w => w.Default(WarningBehavior.Throw)));

        var tables = db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.Select(t => t.Name).ToList();

        Assert.That(db.Database.ProviderName, Is.EqualTo("Microsoft.EntityFrameworkCore.SqlServer"));
        Assert.That(tables, Is.EquivalentTo(db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct()));
    }

    [Test]
    public void TheModelSnapshotMatchesTheModel()
    {
        using var db = SqlServerSchema.Context();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, SchemaMatchesModelTests.SnapshotAdvice);
    }

    [Test]
    public void TheCompleteMigrationScriptParsesAsTSql()
    {
        using var db = SqlServerSchema.Context();
        var migrator = db.GetService<IMigrator>();

        var script = SqlServerSchema.Parse(migrator.GenerateScript());
        var idempotent = SqlServerSchema.Parse(migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));

        var created = script.Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>().Select(t => t.SchemaObjectName.BaseIdentifier.Value);
        Assert.That(created, Is.SupersetOf(db.Model.GetEntityTypes().Select(t => t.GetTableName())));
        Assert.That(idempotent.Batches, Is.Not.Empty);
    }

    [Test]
    public void EachMigrationScriptedBackParsesAsTSql()
    {
        using var db = SqlServerSchema.Context();
        var migrator = db.GetService<IMigrator>();
        var ids = db.Database.GetMigrations().Prepend(Migration.InitialDatabase).ToList();

        Assert.Multiple(() =>
        {
            for (var i = 1; i < ids.Count; i++)
            {
                SqlServerSchema.Parse(migrator.GenerateScript(fromMigration: ids[i], toMigration: ids[i - 1]));
            }
        });
    }

    [Test]
    public void TheMigrationsBuildExactlyTheSchemaTheModelDescribes()
    {
        using var db = SqlServerSchema.Context();

        var fromModel = SqlServerSchema.Read(db.Database.GenerateCreateScript()).Describe();
        var migrated = SqlServerSchema.Read(MigrationScript()).Describe();

        Assert.That(fromModel, Is.Not.Empty);
        Assert.That(migrated.Except(fromModel), Is.Empty, "built by the migrations but not in the model");
        Assert.That(fromModel.Except(migrated), Is.Empty, "in the model but not built by the migrations");
    }

    [Test]
    public void EveryTextColumnComparesCodePoints()
    {
        var schema = SqlServerSchema.Read(MigrationScript());

        var text = schema.Columns.Where(c => c.Type.SqlDataTypeOption is SqlDataTypeOption.NVarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.Char).ToList();

        Assert.That(text, Is.Not.Empty);
        Assert.That(text.Where(c => c.Collation != SqlServerSchemaGenerator.TextCollation).Select(c => $"{c.Table}.{c.Name}: {c.Collation}"), Is.Empty);
    }

    [Test]
    public void UniqueIndexesAreFilteredOnlyWhereTheModelHasANullableColumn()
    {
        using var db = SqlServerSchema.Context();
        var intended = db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables
            .SelectMany(t => t.Indexes).Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable)).Select(i => i.Name);

        var unique = SqlServerSchema.Read(MigrationScript()).Keys.Where(k => k is { Unique: true, IsPrimaryKey: false }).ToList();

        Assert.That(unique, Is.Not.Empty);
        Assert.That(unique.Where(k => k.Filter is not null).Select(k => k.Name), Is.EquivalentTo(intended));
    }

    [Test]
    public void AUniqueIndexOverANullableColumnIsFilteredSoManyNullsAreAllowed()
    {
        using var db = SqlServerSchema.Context();
        var table = new CreateTableOperation { Name = "Samples" };
        table.Columns.Add(new AddColumnOperation { Table = "Samples", Name = "Id", ClrType = typeof(Guid) });
        table.Columns.Add(new AddColumnOperation { Table = "Samples", Name = "Code", ClrType = typeof(string), MaxLength = 20, IsNullable = true });
        table.Columns.Add(new AddColumnOperation { Table = "Samples", Name = "Number", ClrType = typeof(int) });
        var nullable = new CreateIndexOperation { Name = "IX_Samples_Code", Table = "Samples", Columns = ["Code"], IsUnique = true };
        var required = new CreateIndexOperation { Name = "IX_Samples_Number", Table = "Samples", Columns = ["Number"], IsUnique = true };

        var sql = string.Concat(db.GetService<IMigrationsSqlGenerator>().Generate([table, nullable, required]).Select(c => c.CommandText));

        var keys = SqlServerSchema.Read(sql).Keys.ToDictionary(k => k.Name, k => k.Filter);
        Assert.That(keys["IX_Samples_Code"], Is.EqualTo("[Code] IS NOT NULL"));
        Assert.That(keys["IX_Samples_Number"], Is.Null);
    }

    [Test]
    public void EveryKeyAndIndexFitsSqlServersSizeLimits()
    {
        var schema = SqlServerSchema.Read(MigrationScript());
        var columns = schema.Columns.ToDictionary(c => (c.Table, c.Name));

        var problems = schema.Keys.Select(key =>
        {
            var sizes = key.Columns.Select(c => Bytes(columns[(key.Table, c)].Type)).ToList();
            var limit = key.Clustered ? ClusteredKeyBytes : NonclusteredKeyBytes;
            return sizes.Contains(null) ? $"{key.Name}: a column of unbounded size cannot be a key"
                : sizes.Sum() > limit ? $"{key.Name}: {sizes.Sum()} bytes > {limit}"
                : null;
        }).OfType<string>();

        Assert.That(schema.Keys, Is.Not.Empty);
        Assert.That(problems, Is.Empty);
    }

    /// <summary>Bytes a value of the type takes in an index key; null for types that cannot be keys (max, unknown).</summary>
    private static int? Bytes(SqlDataTypeReference type)
    {
        var length = type.Parameters.FirstOrDefault() is { } p and not MaxLiteral ? int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return type.SqlDataTypeOption switch
        {
            SqlDataTypeOption.NVarChar or SqlDataTypeOption.NChar => length * 2,
            SqlDataTypeOption.VarChar or SqlDataTypeOption.Char or SqlDataTypeOption.VarBinary or SqlDataTypeOption.Binary => length,
            SqlDataTypeOption.UniqueIdentifier => 16,
            SqlDataTypeOption.BigInt or SqlDataTypeOption.DateTime2 or SqlDataTypeOption.Float => 8,
            SqlDataTypeOption.Int => 4,
            SqlDataTypeOption.SmallInt => 2,
            SqlDataTypeOption.TinyInt or SqlDataTypeOption.Bit => 1,
            SqlDataTypeOption.Date => 3,
            SqlDataTypeOption.DateTimeOffset => 10,
            SqlDataTypeOption.Time => 5,
            SqlDataTypeOption.Decimal => length switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            _ => null,
        };
    }
}
