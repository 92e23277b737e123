using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// A report's lists that nothing queries apart from it move into its rows as JSON arrays (ADR 0018): an entry's evidence
/// ids (<c>ReportEntryEvidence</c>) and sources (<c>ReportEntrySources</c>) into <c>ReportEntries.EvidenceIds</c> and
/// <c>.Sources</c>, the task snapshot (<c>ReportTaskStates</c>) into <c>Reports.Tasks</c>. A report and its entries are
/// then read in one statement instead of five.
/// <para>
/// The schema steps are provider-neutral (text columns). Building the arrays from the rows, and the rows from the arrays
/// going down, is written once per provider (ADR 0002): <c>json_group_array</c>/<c>json_each</c> on SQLite,
/// <c>json_agg</c>/<c>json_array_elements</c> on PostgreSQL, <c>FOR JSON</c>/<c>OPENJSON</c> on SQL Server 2019. The
/// arrays have the form the application writes (camelCase names, enums by name, dates as <c>yyyy-MM-dd</c>), in the
/// author's order for evidence and sources.
/// </para>
/// </summary>
public sealed partial class ReportListsAsJson : Migration
{
    private const string EmptyList = "[]";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Tasks", "Reports", nullable: false, defaultValue: EmptyList);
        migrationBuilder.AddColumn<string>("EvidenceIds", "ReportEntries", nullable: false, defaultValue: EmptyList);
        migrationBuilder.AddColumn<string>("Sources", "ReportEntries", nullable: false, defaultValue: EmptyList);

        migrationBuilder.Sql(EvidenceToJson(migrationBuilder));
        migrationBuilder.Sql(SourcesToJson(migrationBuilder));
        migrationBuilder.Sql(TasksToJson(migrationBuilder));

        migrationBuilder.DropTable("ReportEntryEvidence");
        migrationBuilder.DropTable("ReportEntrySources");
        migrationBuilder.DropTable("ReportTaskStates");

        // The default only filled the columns for existing rows; the application always writes them.
        migrationBuilder.AlterColumn<string>("Tasks", "Reports", nullable: false, oldClrType: typeof(string), oldNullable: false, oldDefaultValue: EmptyList);
        migrationBuilder.AlterColumn<string>("EvidenceIds", "ReportEntries", nullable: false, oldClrType: typeof(string), oldNullable: false, oldDefaultValue: EmptyList);
        migrationBuilder.AlterColumn<string>("Sources", "ReportEntries", nullable: false, oldClrType: typeof(string), oldNullable: false, oldDefaultValue: EmptyList);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReportEntryEvidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                EvidenceId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportEntryEvidence", x => x.Id);
                table.ForeignKey("FK_ReportEntryEvidence_ReportEntries_EntryId", x => x.EntryId, "ReportEntries", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportEntrySources",
            columns: table => new
            {
                EntryId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                ContributionReportId = table.Column<Guid>(nullable: false),
                ContributionVersion = table.Column<int>(nullable: false),
                ContributorAgencyId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportEntrySources", x => new { x.EntryId, x.Position });
                table.ForeignKey("FK_ReportEntrySources_ReportEntries_EntryId", x => x.EntryId, "ReportEntries", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ReportEntrySources_Reports_ContributionReportId", x => x.ContributionReportId, "Reports", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReportTaskStates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: true),
                PlanId = table.Column<Guid>(nullable: false),
                ProgressAsOf = table.Column<DateOnly>(nullable: true),
                ProgressPercent = table.Column<int>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportTaskStates", x => x.Id);
                table.ForeignKey("FK_ReportTaskStates_Reports_ReportId", x => x.ReportId, "Reports", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReportEntryEvidence_EntryId_EvidenceId", "ReportEntryEvidence", ["EntryId", "EvidenceId"], unique: true);
        migrationBuilder.CreateIndex("IX_ReportEntryEvidence_EvidenceId", "ReportEntryEvidence", "EvidenceId");
        migrationBuilder.CreateIndex("IX_ReportEntrySources_ContributionReportId", "ReportEntrySources", "ContributionReportId");
        migrationBuilder.CreateIndex("IX_ReportTaskStates_ReportId_TaskId", "ReportTaskStates", ["ReportId", "TaskId"], unique: true);

        migrationBuilder.Sql(EvidenceToRows(migrationBuilder));
        migrationBuilder.Sql(SourcesToRows(migrationBuilder));
        migrationBuilder.Sql(TasksToRows(migrationBuilder));

        migrationBuilder.DropColumn("Tasks", "Reports");
        migrationBuilder.DropColumn("EvidenceIds", "ReportEntries");
        migrationBuilder.DropColumn("Sources", "ReportEntries");
    }

    /// <summary>Each entry's evidence ids, in position order.</summary>
    private static string EvidenceToJson(MigrationBuilder migrationBuilder) => Pick(
        migrationBuilder,
        sqlite: """
            UPDATE "ReportEntries" SET "EvidenceIds" = (
                SELECT json_group_array(lower(v."EvidenceId") ORDER BY v."Position") FROM "ReportEntryEvidence" AS v WHERE v."EntryId" = "ReportEntries"."Id")
            WHERE EXISTS (SELECT 1 FROM "ReportEntryEvidence" AS v WHERE v."EntryId" = "ReportEntries"."Id");
            """,
        postgres: """
            UPDATE "ReportEntries" AS e SET "EvidenceIds" = (
                SELECT json_agg(v."EvidenceId" ORDER BY v."Position")::text FROM "ReportEntryEvidence" AS v WHERE v."EntryId" = e."Id")
            WHERE EXISTS (SELECT 1 FROM "ReportEntryEvidence" AS v WHERE v."EntryId" = e."Id");
            """,
        sqlServer: """
            UPDATE e SET [EvidenceIds] = (
                SELECT N'[' + STRING_AGG(N'"' + LOWER(CAST(v.[EvidenceId] AS nvarchar(36))) + N'"', N',') WITHIN GROUP (ORDER BY v.[Position]) + N']'
                FROM [ReportEntryEvidence] AS v WHERE v.[EntryId] = e.[Id])
            FROM [ReportEntries] AS e
            WHERE EXISTS (SELECT 1 FROM [ReportEntryEvidence] AS v WHERE v.[EntryId] = e.[Id]);
            """);

    /// <summary>Each entry's sources, in position order.</summary>
    private static string SourcesToJson(MigrationBuilder migrationBuilder) => Pick(
        migrationBuilder,
        sqlite: """
            UPDATE "ReportEntries" SET "Sources" = (
                SELECT json_group_array(json_object('reportId', lower(s."ContributionReportId"), 'version', s."ContributionVersion", 'agencyId', lower(s."ContributorAgencyId")) ORDER BY s."Position")
                FROM "ReportEntrySources" AS s WHERE s."EntryId" = "ReportEntries"."Id")
            WHERE EXISTS (SELECT 1 FROM "ReportEntrySources" AS s WHERE s."EntryId" = "ReportEntries"."Id");
            """,
        postgres: """
            UPDATE "ReportEntries" AS e SET "Sources" = (
                SELECT json_agg(json_build_object('reportId', s."ContributionReportId", 'version', s."ContributionVersion", 'agencyId', s."ContributorAgencyId") ORDER BY s."Position")::text
                FROM "ReportEntrySources" AS s WHERE s."EntryId" = e."Id")
            WHERE EXISTS (SELECT 1 FROM "ReportEntrySources" AS s WHERE s."EntryId" = e."Id");
            """,
        sqlServer: """
            UPDATE e SET [Sources] = (
                SELECT LOWER(CAST(s.[ContributionReportId] AS nvarchar(36))) AS [reportId], s.[ContributionVersion] AS [version], LOWER(CAST(s.[ContributorAgencyId] AS nvarchar(36))) AS [agencyId]
                FROM [ReportEntrySources] AS s WHERE s.[EntryId] = e.[Id] ORDER BY s.[Position] FOR JSON PATH)
            FROM [ReportEntries] AS e
            WHERE EXISTS (SELECT 1 FROM [ReportEntrySources] AS s WHERE s.[EntryId] = e.[Id]);
            """);

    /// <summary>Each report's task snapshot, soonest due first (the order the API lists it in).</summary>
    private static string TasksToJson(MigrationBuilder migrationBuilder) => Pick(
        migrationBuilder,
        sqlite: """
            UPDATE "Reports" SET "Tasks" = (
                SELECT json_group_array(json_object(
                    'taskId', lower(t."TaskId"), 'planId', lower(t."PlanId"), 'title', t."Title", 'status', t."Status",
                    'progressPercent', t."ProgressPercent", 'dueDate', t."DueDate", 'progressAsOf', t."ProgressAsOf")
                    ORDER BY t."DueDate" IS NULL, t."DueDate", t."Title", t."TaskId")
                FROM "ReportTaskStates" AS t WHERE t."ReportId" = "Reports"."Id")
            WHERE EXISTS (SELECT 1 FROM "ReportTaskStates" AS t WHERE t."ReportId" = "Reports"."Id");
            """,
        postgres: """
            UPDATE "Reports" AS r SET "Tasks" = (
                SELECT json_agg(json_build_object(
                    'taskId', t."TaskId", 'planId', t."PlanId", 'title', t."Title", 'status', t."Status",
                    'progressPercent', t."ProgressPercent", 'dueDate', t."DueDate", 'progressAsOf', t."ProgressAsOf")
                    ORDER BY t."DueDate" NULLS LAST, t."Title", t."TaskId")::text
                FROM "ReportTaskStates" AS t WHERE t."ReportId" = r."Id")
            WHERE EXISTS (SELECT 1 FROM "ReportTaskStates" AS t WHERE t."ReportId" = r."Id");
            """,
        sqlServer: """
            UPDATE r SET [Tasks] = (
                SELECT LOWER(CAST(t.[TaskId] AS nvarchar(36))) AS [taskId], LOWER(CAST(t.[PlanId] AS nvarchar(36))) AS [planId], t.[Title] AS [title],
                       t.[Status] AS [status], t.[ProgressPercent] AS [progressPercent], t.[DueDate] AS [dueDate], t.[ProgressAsOf] AS [progressAsOf]
                FROM [ReportTaskStates] AS t WHERE t.[ReportId] = r.[Id]
                ORDER BY CASE WHEN t.[DueDate] IS NULL THEN 1 ELSE 0 END, t.[DueDate], t.[Title], t.[TaskId]
                FOR JSON PATH, INCLUDE_NULL_VALUES)
            FROM [Reports] AS r
            WHERE EXISTS (SELECT 1 FROM [ReportTaskStates] AS t WHERE t.[ReportId] = r.[Id]);
            """);

    /// <summary>One row per evidence id, numbered from 0 in the array's order. GUIDs as each provider stores them (SQLite: upper case).</summary>
    private static string EvidenceToRows(MigrationBuilder migrationBuilder) => Pick(
        migrationBuilder,
        sqlite: $"""
            INSERT INTO "ReportEntryEvidence" ("Id", "EntryId", "EvidenceId", "Position")
            SELECT {SqliteNewId}, e."Id", upper(i.value), i.key
            FROM "ReportEntries" AS e, json_each(e."EvidenceIds") AS i;
            """,
        postgres: """
            INSERT INTO "ReportEntryEvidence" ("Id", "EntryId", "EvidenceId", "Position")
            SELECT gen_random_uuid(), e."Id", i.value::uuid, CAST(i.position - 1 AS integer)
            FROM "ReportEntries" AS e CROSS JOIN LATERAL json_array_elements_text(e."EvidenceIds"::json) WITH ORDINALITY AS i(value, position);
            """,
        sqlServer: """
            INSERT INTO [ReportEntryEvidence] ([Id], [EntryId], [EvidenceId], [Position])
            SELECT NEWID(), e.[Id], CAST(i.[value] AS uniqueidentifier), CAST(i.[key] AS int)
            FROM [ReportEntries] AS e CROSS APPLY OPENJSON(e.[EvidenceIds]) AS i;
            """);

    private static string SourcesToRows(MigrationBuilder migrationBuilder) => Pick(
        migrationBuilder,
        sqlite: """
            INSERT INTO "ReportEntrySources" ("EntryId", "Position", "ContributionReportId", "ContributionVersion", "ContributorAgencyId")
            SELECT e."Id", i.key, upper(json_extract(i.value, '$.reportId')), json_extract(i.value, '$.version'), upper(json_extract(i.value, '$.agencyId'))
            FROM "ReportEntries" AS e, json_each(e."Sources") AS i;
            """,
        postgres: """
            INSERT INTO "ReportEntrySources" ("EntryId", "Position", "ContributionReportId", "ContributionVersion", "ContributorAgencyId")
            SELECT e."Id", CAST(i.position - 1 AS integer), (i.value ->> 'reportId')::uuid, (i.value ->> 'version')::integer, (i.value ->> 'agencyId')::uuid
            FROM "ReportEntries" AS e CROSS JOIN LATERAL json_array_elements(e."Sources"::json) WITH ORDINALITY AS i(value, position);
            """,
        sqlServer: """
            INSERT INTO [ReportEntrySources] ([EntryId], [Position], [ContributionReportId], [ContributionVersion], [ContributorAgencyId])
            SELECT e.[Id], CAST(i.[key] AS int), s.[reportId], s.[version], s.[agencyId]
            FROM [ReportEntries] AS e CROSS APPLY OPENJSON(e.[Sources]) AS i
            CROSS APPLY OPENJSON(i.[value]) WITH ([reportId] uniqueidentifier '$.reportId', [version] int '$.version', [agencyId] uniqueidentifier '$.agencyId') AS s;
            """);

    private static string TasksToRows(MigrationBuilder migrationBuilder) => Pick(
        migrationBuilder,
        sqlite: $"""
            INSERT INTO "ReportTaskStates" ("Id", "ReportId", "TaskId", "PlanId", "Title", "Status", "ProgressPercent", "DueDate", "ProgressAsOf")
            SELECT {SqliteNewId}, r."Id", upper(json_extract(t.value, '$.taskId')), upper(json_extract(t.value, '$.planId')), json_extract(t.value, '$.title'),
                   json_extract(t.value, '$.status'), json_extract(t.value, '$.progressPercent'), json_extract(t.value, '$.dueDate'), json_extract(t.value, '$.progressAsOf')
            FROM "Reports" AS r, json_each(r."Tasks") AS t;
            """,
        postgres: """
            INSERT INTO "ReportTaskStates" ("Id", "ReportId", "TaskId", "PlanId", "Title", "Status", "ProgressPercent", "DueDate", "ProgressAsOf")
            SELECT gen_random_uuid(), r."Id", (t ->> 'taskId')::uuid, (t ->> 'planId')::uuid, t ->> 'title', t ->> 'status', (t ->> 'progressPercent')::integer,
                   (t ->> 'dueDate')::date, (t ->> 'progressAsOf')::date
            FROM "Reports" AS r CROSS JOIN LATERAL json_array_elements(r."Tasks"::json) AS t;
            """,
        sqlServer: """
            INSERT INTO [ReportTaskStates] ([Id], [ReportId], [TaskId], [PlanId], [Title], [Status], [ProgressPercent], [DueDate], [ProgressAsOf])
            SELECT NEWID(), r.[Id], t.[taskId], t.[planId], t.[title], t.[status], t.[progressPercent], t.[dueDate], t.[progressAsOf]
            FROM [Reports] AS r CROSS APPLY OPENJSON(r.[Tasks]) WITH (
                [taskId] uniqueidentifier, [planId] uniqueidentifier, [title] nvarchar(500), [status] nvarchar(20),
                [progressPercent] int, [dueDate] date, [progressAsOf] date) AS t;
            """);

    /// <summary>
    /// A random id for each row, as EF Core stores a GUID on SQLite (upper-case text): every <c>randomblob</c> call is made
    /// again for each row (a subquery would be made once).
    /// </summary>
    private const string SqliteNewId =
        "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))";

    private static string Pick(MigrationBuilder migrationBuilder, string sqlite, string postgres, string sqlServer) =>
        migrationBuilder.IsSqlite() ? sqlite
        : migrationBuilder.IsNpgsql() ? postgres
        : migrationBuilder.IsSqlServer() ? sqlServer
        : throw new NotSupportedException(
            $"ReportListsAsJson moves lists with SQL written for SQLite, PostgreSQL and SQL Server; '{migrationBuilder.ActiveProvider}' is none of them.");
}
