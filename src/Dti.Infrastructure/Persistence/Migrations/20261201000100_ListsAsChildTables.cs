using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Lists stored as delimited text become child tables, one row per item with its position in the list: a task's index
/// codes (space-separated) become <c>TaskIndices</c>, a client's roles and agency ids (comma-separated) become
/// <c>ClientRoles</c> and <c>ClientAgencies</c>. Rows can be indexed and queried alike on every provider ("tasks for index
/// 7.3", "clients acting for agency A") without JSON or string functions.
/// <para>
/// The schema steps are provider-neutral like every migration. Copying the stored values into the rows (and, going down,
/// back into text) cannot be: splitting and joining text is written once per provider (ADR 0002) — a recursive CTE on
/// SQLite, <c>string_to_array</c>/<c>unnest</c> on PostgreSQL, <c>OPENJSON</c>/<c>STRING_AGG</c> on SQL Server 2019.
/// </para>
/// </summary>
public sealed partial class ListsAsChildTables : Migration
{
    private static readonly DelimitedList[] Lists =
    [
        new("PlanTasks", "IndexCodes", ' ', "TaskIndices", "TaskId", "IndexCode", IsGuid: false),
        new("Clients", "Roles", ',', "ClientRoles", "ClientId", "Role", IsGuid: false),
        new("Clients", "AgencyIds", ',', "ClientAgencies", "ClientId", "AgencyId", IsGuid: true),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TaskIndices",
            columns: table => new
            {
                TaskId = table.Column<Guid>(nullable: false),
                IndexCode = table.Column<string>(maxLength: 20, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskIndices", x => new { x.TaskId, x.IndexCode });
                table.ForeignKey("FK_TaskIndices_PlanTasks_TaskId", x => x.TaskId, "PlanTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ClientRoles",
            columns: table => new
            {
                ClientId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 20, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClientRoles", x => new { x.ClientId, x.Role });
                table.ForeignKey("FK_ClientRoles_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ClientAgencies",
            columns: table => new
            {
                ClientId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClientAgencies", x => new { x.ClientId, x.AgencyId });
                table.ForeignKey("FK_ClientAgencies_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_TaskIndices_IndexCode", "TaskIndices", "IndexCode");
        migrationBuilder.CreateIndex("IX_ClientAgencies_AgencyId", "ClientAgencies", "AgencyId");

        foreach (var list in Lists)
        {
            migrationBuilder.Sql(Split(migrationBuilder, list));
        }

        foreach (var list in Lists)
        {
            migrationBuilder.DropColumn(list.Column, list.Table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("IndexCodes", "PlanTasks", maxLength: 500, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>("Roles", "Clients", maxLength: 100, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>("AgencyIds", "Clients", maxLength: 740, nullable: false, defaultValue: "");

        foreach (var list in Lists)
        {
            migrationBuilder.Sql(Join(migrationBuilder, list));
        }

        foreach (var list in Lists)
        {
            migrationBuilder.DropTable(list.Rows);
        }
    }

    /// <summary>
    /// Inserts one row per non-empty item of <paramref name="list"/>'s text, numbered from 0 in the order written. GUIDs
    /// are written as each provider stores them (SQLite: upper-case text, as EF Core writes them).
    /// </summary>
    private static string Split(MigrationBuilder migrationBuilder, DelimitedList list)
    {
        var (table, column, separator, rows, owner, item) = (list.Table, list.Column, list.Separator, list.Rows, list.Owner, list.Item);
        if (migrationBuilder.IsSqlite())
        {
            return $"""
                INSERT INTO "{rows}" ("{owner}", "{item}", "Position")
                WITH RECURSIVE "Items" ("Owner", "Item", "Rest", "Position") AS (
                    SELECT "Id", NULL, "{column}" || '{separator}', -1 FROM "{table}"
                    UNION ALL
                    SELECT "Owner", substr("Rest", 1, instr("Rest", '{separator}') - 1), substr("Rest", instr("Rest", '{separator}') + 1), "Position" + 1
                    FROM "Items" WHERE "Rest" <> ''
                )
                SELECT "Owner", {(list.IsGuid ? "upper(\"Item\")" : "\"Item\"")}, "Position" FROM "Items" WHERE "Item" <> '';
                """;
        }

        if (migrationBuilder.IsNpgsql())
        {
            return $"""
                INSERT INTO "{rows}" ("{owner}", "{item}", "Position")
                SELECT o."Id", i.item{(list.IsGuid ? "::uuid" : string.Empty)}, CAST(i.position - 1 AS integer)
                FROM "{table}" AS o
                CROSS JOIN LATERAL unnest(string_to_array(o."{column}", '{separator}')) WITH ORDINALITY AS i(item, position)
                WHERE i.item <> '';
                """;
        }

        if (migrationBuilder.IsSqlServer())
        {
            // OPENJSON numbers the items (STRING_SPLIT does only from SQL Server 2022); the text is escaped for JSON first.
            return $"""
                INSERT INTO [{rows}] ([{owner}], [{item}], [Position])
                SELECT o.[Id], {(list.IsGuid ? "CAST(i.[value] AS uniqueidentifier)" : "i.[value]")}, CAST(i.[key] AS int)
                FROM [{table}] AS o
                CROSS APPLY OPENJSON(N'["' + REPLACE(STRING_ESCAPE(o.[{column}], 'json'), N'{separator}', N'","') + N'"]') AS i
                WHERE i.[value] <> N'';
                """;
        }

        throw Unsupported(migrationBuilder);
    }

    /// <summary>Writes each owner's rows back as text, in position order; GUIDs in lower case as the old converter wrote them.</summary>
    private static string Join(MigrationBuilder migrationBuilder, DelimitedList list)
    {
        var (table, column, separator, rows, owner, item) = (list.Table, list.Column, list.Separator, list.Rows, list.Owner, list.Item);
        if (migrationBuilder.IsSqlite())
        {
            return $"""
                UPDATE "{table}" SET "{column}" = coalesce(
                    (SELECT group_concat({(list.IsGuid ? $"lower(r.\"{item}\")" : $"r.\"{item}\"")}, '{separator}' ORDER BY r."Position") FROM "{rows}" AS r WHERE r."{owner}" = "{table}"."Id"),
                    '');
                """;
        }

        if (migrationBuilder.IsNpgsql())
        {
            return $"""
                UPDATE "{table}" AS o SET "{column}" = coalesce(
                    (SELECT string_agg(r."{item}"::text, '{separator}' ORDER BY r."Position") FROM "{rows}" AS r WHERE r."{owner}" = o."Id"),
                    '');
                """;
        }

        if (migrationBuilder.IsSqlServer())
        {
            return $"""
                UPDATE o SET [{column}] = COALESCE(
                    (SELECT STRING_AGG({(list.IsGuid ? $"LOWER(CAST(r.[{item}] AS nvarchar(36)))" : $"r.[{item}]")}, N'{separator}') WITHIN GROUP (ORDER BY r.[Position])
                     FROM [{rows}] AS r WHERE r.[{owner}] = o.[Id]),
                    N'')
                FROM [{table}] AS o;
                """;
        }

        throw Unsupported(migrationBuilder);
    }

    private static NotSupportedException Unsupported(MigrationBuilder migrationBuilder) =>
        new($"ListsAsChildTables copies lists with SQL written for SQLite, PostgreSQL and SQL Server; '{migrationBuilder.ActiveProvider}' is none of them.");

    /// <summary>A list stored in <see cref="Table"/>.<see cref="Column"/> as text and in <see cref="Rows"/> as rows.</summary>
    private sealed record DelimitedList(string Table, string Column, char Separator, string Rows, string Owner, string Item, bool IsGuid);
}
