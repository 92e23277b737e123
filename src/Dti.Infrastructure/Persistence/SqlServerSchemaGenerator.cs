using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Update;

namespace Dti.Infrastructure.Persistence;

/// <summary>
/// Writes SQL Server DDL that behaves like the PostgreSQL and SQLite schemas built from the same provider-neutral
/// migrations (ADR 0002, 0004). Two things differ by default and would change behaviour:
/// <list type="bullet">
/// <item>SQL Server compares text case- and often accent-insensitively, so "qd-405" would find "QD-405" and two codes
/// differing only in case would collide in a unique index. Every text column gets <see cref="TextCollation"/>, a binary
/// collation: equality, uniqueness, <c>LIKE</c> and ordering compare code points, as PostgreSQL and SQLite do.</item>
/// <item>EF filters a unique index with <c>WHERE col IS NOT NULL</c> when a migration carries no target model (our
/// hand-written ones), even on required columns. Here an index is filtered only when one of its columns really is
/// nullable — then the filter is what makes SQL Server, like the others, accept many NULLs.</item>
/// </list>
/// </summary>
public sealed class SqlServerSchemaGenerator(MigrationsSqlGeneratorDependencies dependencies, ICommandBatchPreparer commandBatchPreparer)
    : SqlServerMigrationsSqlGenerator(dependencies, commandBatchPreparer)
{
    /// <summary>Binary, code-point collation (SQL Server 2019 and later, Azure SQL).</summary>
    public const string TextCollation = "Latin1_General_100_BIN2_UTF8";

    private IReadOnlyList<MigrationOperation> _operations = [];

    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        _operations = operations;
        try
        {
            return base.Generate(operations, model, options);
        }
        finally
        {
            _operations = [];
        }
    }

    protected override void ColumnDefinition(string? schema, string table, string name, ColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (operation.ClrType == typeof(string) && operation.Collation is null)
        {
            operation.Collation = TextCollation;
        }

        base.ColumnDefinition(schema, table, name, operation, model, builder);
    }

    protected override void Generate(CreateIndexOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (operation is { IsUnique: true, Filter: null })
        {
            var nullable = operation.Columns.Where(column => IsNullable(operation.Schema, operation.Table, column, model)).ToList();
            if (nullable.Count > 0)
            {
                operation.Filter = string.Join(" AND ", nullable.Select(c => $"{Dependencies.SqlGenerationHelper.DelimitIdentifier(c)} IS NOT NULL"));
            }
        }

        base.Generate(operation, model, builder, terminate);
    }

    protected override bool UseLegacyIndexFilters(CreateIndexOperation operation, IModel? model) => false;

    /// <summary>
    /// Whether a column is nullable: from the migration's target model when it has one, else from the operations of the
    /// same migration that define the column, else from the current model. A column found nowhere counts as nullable.
    /// </summary>
    private bool IsNullable(string? schema, string table, string column, IModel? model)
    {
        if (model?.GetRelationalModel().FindTable(table, schema)?.FindColumn(column) is { } modelled)
        {
            return modelled.IsNullable;
        }

        var defined = _operations.OfType<CreateTableOperation>().Where(t => t.Name == table && t.Schema == schema).SelectMany(t => t.Columns)
            .Concat<ColumnOperation>(_operations.OfType<AddColumnOperation>())
            .Concat(_operations.OfType<AlterColumnOperation>())
            .LastOrDefault(c => c.Table == table && c.Schema == schema && c.Name == column);
        if (defined is not null)
        {
            return defined.IsNullable;
        }

        var current = Dependencies.CurrentContext.Context.GetService<IDesignTimeModel>().Model;
        return current.GetRelationalModel().FindTable(table, schema)?.FindColumn(column)?.IsNullable ?? true;
    }
}
