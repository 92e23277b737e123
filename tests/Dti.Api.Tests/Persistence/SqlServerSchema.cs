using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// The SQL Server schema a T-SQL script builds, read from ScriptDom's syntax tree (no server runs here): tables,
/// columns, keys, indexes and foreign keys after every statement of the script has been applied in order.
/// Statements that change no schema (history rows, transactions, variables) are skipped; any other statement fails
/// loudly, so a new kind of migration step is taught here before it is trusted.
/// </summary>
internal sealed class SqlServerSchema
{
    /// <summary>Any syntactically valid connection string: nothing here connects.</summary>
    public const string ConnectionString = "Server=127.0.0.1,1;Database=dti;User Id=dti;Password=unused;TrustServerCertificate=true;Connect Timeout=1";

    private const string HistoryTable = "__EFMigrationsHistory";

    public sealed record Column(string Table, string Name, SqlDataTypeReference Type, bool Nullable, string? Collation)
    {
        public string TypeText => Type.Parameters.Count == 0
            ? Type.SqlDataTypeOption.ToString().ToLowerInvariant()
            : $"{Type.SqlDataTypeOption.ToString().ToLowerInvariant()}({string.Join(",", Type.Parameters.Select(p => p is MaxLiteral ? "max" : p.Value))})";
    }

    /// <summary>A primary key, unique constraint or index.</summary>
    public sealed record Key(string Table, string Name, bool IsPrimaryKey, bool Unique, bool Clustered, IReadOnlyList<string> Columns, string? Filter);

    public sealed record ForeignKey(string Table, string Name, IReadOnlyList<string> Columns, string Principal, IReadOnlyList<string> PrincipalColumns, DeleteUpdateAction OnDelete);

    private readonly List<Column> _columns = [];
    private readonly List<Key> _keys = [];
    private readonly List<ForeignKey> _foreignKeys = [];

    public IReadOnlyList<Column> Columns => _columns;

    public IReadOnlyList<Key> Keys => _keys;

    public IReadOnlyList<string> Tables => [.. _columns.Select(c => c.Table).Distinct(StringComparer.Ordinal)];

    public static DtiDbContext Context(Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.SqlServer, ConnectionString);
        configure?.Invoke(builder);
        return new DtiDbContext(builder.Options);
    }

    /// <summary>Parses T-SQL as SQL Server 2022 would; any syntax error fails the test with its line and text.</summary>
    public static TSqlScript Parse(string sql)
    {
        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.That(errors.Select(e => $"line {e.Line}: {e.Message}"), Is.Empty, sql);
        return (TSqlScript)script;
    }

    public static SqlServerSchema Read(string sql)
    {
        var schema = new SqlServerSchema();
        foreach (var statement in Parse(sql).Batches.SelectMany(b => b.Statements))
        {
            schema.Apply(statement);
        }

        return schema;
    }

    /// <summary>One line per column, key and foreign key, for comparing two schemas.</summary>
    public List<string> Describe()
    {
        var rows = _columns.Select(c => $"column {c.Table}.{c.Name} {c.TypeText} {(c.Nullable ? "null" : "not null")} collate {c.Collation}")
            .Concat(_keys.Select(k => $"key {k.Table}.{k.Name} primary={k.IsPrimaryKey} unique={k.Unique} clustered={k.Clustered} ({string.Join(",", k.Columns)}) where {k.Filter}"))
            .Concat(_foreignKeys.Select(f => $"fk {f.Table}.{f.Name} ({string.Join(",", f.Columns)}) -> {f.Principal}({string.Join(",", f.PrincipalColumns)}) on delete {f.OnDelete}"))
            .ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private void Apply(TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create when Name(create.SchemaObjectName) != HistoryTable:
                AddDefinition(Name(create.SchemaObjectName), create.Definition);
                break;
            case CreateIndexStatement index:
                _keys.Add(new Key(
                    Name(index.OnName), index.Name.Value, IsPrimaryKey: false, index.Unique, index.Clustered ?? false,
                    [.. index.Columns.Select(ColumnName)], index.FilterPredicate is null ? null : Text(index.FilterPredicate)));
                break;
            case DropIndexStatement drop:
                foreach (var clause in drop.DropIndexClauses.Cast<DropIndexClause>())
                {
                    _keys.RemoveAll(k => k.Table == Name(clause.Object) && k.Name == clause.Index.Value);
                }

                break;
            case DropTableStatement drop:
                foreach (var table in drop.Objects.Select(Name))
                {
                    _columns.RemoveAll(c => c.Table == table);
                    _keys.RemoveAll(k => k.Table == table);
                    _foreignKeys.RemoveAll(f => f.Table == table);
                }

                break;
            case AlterTableAddTableElementStatement add:
                AddDefinition(Name(add.SchemaObjectName), add.Definition);
                break;
            case AlterTableDropTableElementStatement drop:
                foreach (var element in drop.AlterTableDropTableElements)
                {
                    var table = Name(drop.SchemaObjectName);
                    var name = element.Name.Value;
                    _ = element.TableElementType switch
                    {
                        TableElementType.Column => _columns.RemoveAll(c => c.Table == table && c.Name == name),
                        TableElementType.Constraint => _keys.RemoveAll(k => k.Table == table && k.Name == name) + _foreignKeys.RemoveAll(f => f.Table == table && f.Name == name),
                        _ => throw new NotSupportedException($"SqlServerSchema cannot apply: {Text(statement)}"),
                    };
                }

                break;
            case AlterTableAlterColumnStatement alter when alter.DataType is SqlDataTypeReference type:
                var altered = _columns.FindIndex(c => c.Table == Name(alter.SchemaObjectName) && c.Name == alter.ColumnIdentifier.Value);
                _columns[altered] = _columns[altered] with
                {
                    Type = type,
                    Nullable = alter.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NotNull,
                    Collation = alter.Collation?.Value,
                };
                break;
            case IfStatement or DeclareVariableStatement or SetVariableStatement or PredicateSetStatement or SelectStatement
                or InsertStatement or UpdateStatement or DeleteStatement or BeginTransactionStatement or CommitTransactionStatement:
                // Migrations-history bookkeeping, EF's lookup of default constraints, data steps: no schema change.
                break;
            case CreateTableStatement:
                break;
            default:
                throw new NotSupportedException($"SqlServerSchema cannot apply {statement.GetType().Name}: {Text(statement)}");
        }
    }

    private void AddDefinition(string table, TableDefinition definition)
    {
        foreach (var column in definition.ColumnDefinitions)
        {
            var nullable = column.Constraints.OfType<NullableConstraintDefinition>().All(n => n.Nullable);
            _columns.Add(new Column(table, column.ColumnIdentifier.Value, (SqlDataTypeReference)column.DataType, nullable, column.Collation?.Value));
        }

        foreach (var constraint in definition.TableConstraints)
        {
            switch (constraint)
            {
                case UniqueConstraintDefinition unique:
                    _keys.Add(new Key(
                        table, unique.ConstraintIdentifier.Value, unique.IsPrimaryKey, Unique: true, unique.Clustered ?? unique.IsPrimaryKey,
                        [.. unique.Columns.Select(ColumnName)], Filter: null));
                    break;
                case ForeignKeyConstraintDefinition foreign:
                    _foreignKeys.Add(new ForeignKey(
                        table, foreign.ConstraintIdentifier.Value, [.. foreign.Columns.Select(c => c.Value)], Name(foreign.ReferenceTableName),
                        [.. foreign.ReferencedTableColumns.Select(c => c.Value)], foreign.DeleteAction));
                    break;
                default:
                    throw new NotSupportedException($"SqlServerSchema cannot apply the constraint {Text(constraint)}");
            }
        }
    }

    private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value;

    private static string ColumnName(ColumnWithSortOrder column) => column.Column.MultiPartIdentifier.Identifiers[^1].Value;

    private static string Text(TSqlFragment fragment)
    {
        new Sql160ScriptGenerator().GenerateScript(fragment, out var text);
        return text;
    }
}
