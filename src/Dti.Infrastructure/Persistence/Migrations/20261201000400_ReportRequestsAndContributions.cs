using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Report requests get endpoints and contributions a reviewer: the agencies and indices a request asks become rows keyed
/// by request and item with their position (like a task's indices), a report records the lead agency that reviews it (a
/// contribution's requester) and its last accepted version, and an entry records the contributions its value was taken
/// from. Existing rows are carried: positions follow the rows' creation order (their version-7 ids), reviewers come from
/// the requests, accepted versions from the versions. The data steps are plain SQL every provider runs, with each
/// provider's identifier quoting; going down, the surrogate ids are generated again.
/// </summary>
public sealed partial class ReportRequestsAndContributions : Migration
{
    private static readonly string[] AskedTables = ["ReportRequestAgencies", "ReportRequestIndices"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "AcceptedVersionNumber", table: "Reports", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ReviewingAgencyId", table: "Reports", nullable: true);
        var q = Quote(migrationBuilder);
        migrationBuilder.Sql($"""
            UPDATE {q("Reports")} SET {q("ReviewingAgencyId")} =
                (SELECT r.{q("IssuerAgencyId")} FROM {q("ReportRequests")} r WHERE r.{q("Id")} = {q("Reports")}.{q("ReportRequestId")})
            WHERE {q("Kind")} = 'Contribution';
            """);
        migrationBuilder.Sql($"""
            UPDATE {q("Reports")} SET {q("AcceptedVersionNumber")} =
                (SELECT MAX(v.{q("Number")}) FROM {q("ReportVersions")} v WHERE v.{q("ReportId")} = {q("Reports")}.{q("Id")} AND v.{q("Outcome")} = 'Accepted');
            """);

        // Data first: on SQLite the key changes below rebuild the tables (from the target model), copying the rows.
        foreach (var table in AskedTables)
        {
            migrationBuilder.AddColumn<int>(name: "Position", table: table, nullable: false, defaultValue: 0);
            migrationBuilder.Sql($"""
                UPDATE {q(table)} SET {q("Position")} =
                    (SELECT COUNT(*) FROM {q(table)} o WHERE o.{q("RequestId")} = {q(table)}.{q("RequestId")} AND o.{q("Id")} < {q(table)}.{q("Id")});
                """);
        }

        foreach (var (table, item) in new[] { ("ReportRequestIndices", "IndexCode"), ("ReportRequestAgencies", "AgencyId") })
        {
            // The default only filled the column for existing rows; new rows always give their position.
            migrationBuilder.AlterColumn<int>(name: "Position", table: table, nullable: false, oldClrType: typeof(int), oldNullable: false, oldDefaultValue: 0);
            migrationBuilder.DropPrimaryKey(name: $"PK_{table}", table: table);
            migrationBuilder.DropIndex(name: $"IX_{table}_RequestId_{item}", table: table);
            migrationBuilder.DropColumn(name: "Id", table: table);
            migrationBuilder.AddPrimaryKey(name: $"PK_{table}", table: table, columns: ["RequestId", item]);
        }

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
                table.ForeignKey(
                    name: "FK_ReportEntrySources_ReportEntries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "ReportEntries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ReportEntrySources_Reports_ContributionReportId",
                    column: x => x.ContributionReportId,
                    principalTable: "Reports",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Reports_ReviewingAgencyId", table: "Reports", column: "ReviewingAgencyId");
        migrationBuilder.CreateIndex(name: "IX_ReportEntrySources_ContributionReportId", table: "ReportEntrySources", column: "ContributionReportId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ReportEntrySources");
        migrationBuilder.DropIndex(name: "IX_Reports_ReviewingAgencyId", table: "Reports");
        migrationBuilder.DropColumn(name: "AcceptedVersionNumber", table: "Reports");
        migrationBuilder.DropColumn(name: "ReviewingAgencyId", table: "Reports");

        var q = Quote(migrationBuilder);
        foreach (var table in AskedTables)
        {
            migrationBuilder.AddColumn<Guid>(name: "Id", table: table, nullable: false, defaultValue: Guid.Empty);
            migrationBuilder.Sql($"""UPDATE {q(table)} SET {q("Id")} = {NewGuid(migrationBuilder)};""");
        }

        foreach (var table in AskedTables)
        {
            migrationBuilder.DropPrimaryKey(name: $"PK_{table}", table: table);
            migrationBuilder.DropColumn(name: "Position", table: table);
            migrationBuilder.AddPrimaryKey(name: $"PK_{table}", table: table, column: "Id");
        }

        migrationBuilder.CreateIndex(name: "IX_ReportRequestIndices_RequestId_IndexCode", table: "ReportRequestIndices", columns: ["RequestId", "IndexCode"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ReportRequestAgencies_RequestId_AgencyId", table: "ReportRequestAgencies", columns: ["RequestId", "AgencyId"], unique: true);
    }

    /// <summary>Identifiers quoted as the provider reads them: brackets on SQL Server, double quotes elsewhere.</summary>
    private static Func<string, string> Quote(MigrationBuilder migrationBuilder) =>
        migrationBuilder.IsSqlServer() ? name => $"[{name}]" : name => $"\"{name}\"";

    /// <summary>A fresh GUID per row, in the form the provider stores (SQLite: upper-case text, as EF Core writes it).</summary>
    private static string NewGuid(MigrationBuilder migrationBuilder) =>
        migrationBuilder.IsSqlite()
            ? "upper(substr(hex(randomblob(16)), 1, 8) || '-' || substr(hex(randomblob(16)), 1, 4) || '-' || substr(hex(randomblob(16)), 1, 4) || '-' || substr(hex(randomblob(16)), 1, 4) || '-' || substr(hex(randomblob(16)), 1, 12))"
            : migrationBuilder.IsNpgsql() ? "gen_random_uuid()" : "NEWID()";
}
