using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Reports (periodic, ad hoc, contributions) with their index entries, evidence references, task snapshots, frozen
/// versions and return notes, and report requests with the agencies and indices they ask. Provider-neutral.
/// </summary>
public sealed partial class Reports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReportRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                IssuerAgencyId = table.Column<Guid>(nullable: false),
                Topic = table.Column<string>(maxLength: 500, nullable: false),
                AssessmentYear = table.Column<int>(nullable: false),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                DueWorkingDays = table.Column<int>(nullable: true),
                IsSample = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportRequests_Agencies_IssuerAgencyId",
                    column: x => x.IssuerAgencyId,
                    principalTable: "Agencies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReportRequestAgencies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportRequestAgencies", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportRequestAgencies_Agencies_AgencyId",
                    column: x => x.AgencyId,
                    principalTable: "Agencies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ReportRequestAgencies_ReportRequests_RequestId",
                    column: x => x.RequestId,
                    principalTable: "ReportRequests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportRequestIndices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                IndexCode = table.Column<string>(maxLength: 20, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportRequestIndices", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportRequestIndices_ReportRequests_RequestId",
                    column: x => x.RequestId,
                    principalTable: "ReportRequests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Reports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                AssessmentYear = table.Column<int>(nullable: false),
                PlanId = table.Column<Guid>(nullable: true),
                DeadlineRuleId = table.Column<Guid>(nullable: true),
                PeriodId = table.Column<string>(maxLength: 7, nullable: true),
                ReportRequestId = table.Column<Guid>(nullable: true),
                SubjectKey = table.Column<string>(maxLength: 100, nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Revision = table.Column<int>(nullable: false),
                Results = table.Column<string>(maxLength: 20000, nullable: true),
                Difficulties = table.Column<string>(maxLength: 20000, nullable: true),
                Proposals = table.Column<string>(maxLength: 20000, nullable: true),
                LatestVersionNumber = table.Column<int>(nullable: false),
                CountedVersionNumber = table.Column<int>(nullable: true),
                CountedSubmittedAt = table.Column<DateTime>(nullable: true),
                CountedTimeliness = table.Column<string>(maxLength: 20, nullable: true),
                CountedWorkingDaysLate = table.Column<int>(nullable: true),
                IsSample = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reports", x => x.Id);
                table.ForeignKey(
                    name: "FK_Reports_Agencies_AgencyId",
                    column: x => x.AgencyId,
                    principalTable: "Agencies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Reports_DeadlineRules_DeadlineRuleId",
                    column: x => x.DeadlineRuleId,
                    principalTable: "DeadlineRules",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Reports_Plans_PlanId",
                    column: x => x.PlanId,
                    principalTable: "Plans",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Reports_ReportRequests_ReportRequestId",
                    column: x => x.ReportRequestId,
                    principalTable: "ReportRequests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReportEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                IndexCode = table.Column<string>(maxLength: 20, nullable: false),
                NumericValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                YesNoValue = table.Column<bool>(nullable: true),
                TextValue = table.Column<string>(maxLength: 2000, nullable: true),
                Score = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                AsOf = table.Column<DateOnly>(nullable: true),
                Explanation = table.Column<string>(maxLength: 2000, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportEntries", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportEntries_Reports_ReportId",
                    column: x => x.ReportId,
                    principalTable: "Reports",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportTaskStates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                ProgressPercent = table.Column<int>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: true),
                ProgressAsOf = table.Column<DateOnly>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportTaskStates", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportTaskStates_Reports_ReportId",
                    column: x => x.ReportId,
                    principalTable: "Reports",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                Content = table.Column<string>(nullable: false),
                ContentHash = table.Column<string>(fixedLength: true, maxLength: 64, nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                SubmittedById = table.Column<string>(maxLength: 200, nullable: false),
                SubmittedByName = table.Column<string>(maxLength: 200, nullable: false),
                LastAllowedDay = table.Column<DateOnly>(nullable: false),
                Timeliness = table.Column<string>(maxLength: 20, nullable: false),
                WorkingDaysLate = table.Column<int>(nullable: false),
                Outcome = table.Column<string>(maxLength: 20, nullable: false),
                ReviewedAt = table.Column<DateTime>(nullable: true),
                ReviewedById = table.Column<string>(maxLength: 200, nullable: true),
                ReviewedByName = table.Column<string>(maxLength: 200, nullable: true),
                ReturnReason = table.Column<string>(maxLength: 2000, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportVersions_Reports_ReportId",
                    column: x => x.ReportId,
                    principalTable: "Reports",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReportEntryEvidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                EvidenceId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportEntryEvidence", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportEntryEvidence_ReportEntries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "ReportEntries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportReturnNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                IndexCode = table.Column<string>(maxLength: 20, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportReturnNotes", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportReturnNotes_ReportVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "ReportVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ReportEntries_ReportId_IndexCode",
            table: "ReportEntries",
            columns: new[] { "ReportId", "IndexCode" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ReportEntryEvidence_EntryId_EvidenceId",
            table: "ReportEntryEvidence",
            columns: new[] { "EntryId", "EvidenceId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ReportEntryEvidence_EvidenceId",
            table: "ReportEntryEvidence",
            column: "EvidenceId");

        migrationBuilder.CreateIndex(
            name: "IX_ReportRequestAgencies_AgencyId",
            table: "ReportRequestAgencies",
            column: "AgencyId");

        migrationBuilder.CreateIndex(
            name: "IX_ReportRequestAgencies_RequestId_AgencyId",
            table: "ReportRequestAgencies",
            columns: new[] { "RequestId", "AgencyId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ReportRequestIndices_RequestId_IndexCode",
            table: "ReportRequestIndices",
            columns: new[] { "RequestId", "IndexCode" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ReportRequests_AssessmentYear_Kind",
            table: "ReportRequests",
            columns: new[] { "AssessmentYear", "Kind" });

        migrationBuilder.CreateIndex(
            name: "IX_ReportRequests_IssuerAgencyId",
            table: "ReportRequests",
            column: "IssuerAgencyId");

        migrationBuilder.CreateIndex(
            name: "IX_ReportReturnNotes_VersionId_IndexCode",
            table: "ReportReturnNotes",
            columns: new[] { "VersionId", "IndexCode" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Reports_AgencyId_SubjectKey",
            table: "Reports",
            columns: new[] { "AgencyId", "SubjectKey" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Reports_AssessmentYear_State",
            table: "Reports",
            columns: new[] { "AssessmentYear", "State" });

        migrationBuilder.CreateIndex(
            name: "IX_Reports_DeadlineRuleId",
            table: "Reports",
            column: "DeadlineRuleId");

        migrationBuilder.CreateIndex(
            name: "IX_Reports_PlanId_PeriodId",
            table: "Reports",
            columns: new[] { "PlanId", "PeriodId" });

        migrationBuilder.CreateIndex(
            name: "IX_Reports_ReportRequestId",
            table: "Reports",
            column: "ReportRequestId");

        migrationBuilder.CreateIndex(
            name: "IX_ReportTaskStates_ReportId_TaskId",
            table: "ReportTaskStates",
            columns: new[] { "ReportId", "TaskId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ReportVersions_ReportId_Number",
            table: "ReportVersions",
            columns: new[] { "ReportId", "Number" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "ReportEntryEvidence");

        migrationBuilder.DropTable(
            name: "ReportRequestAgencies");

        migrationBuilder.DropTable(
            name: "ReportRequestIndices");

        migrationBuilder.DropTable(
            name: "ReportReturnNotes");

        migrationBuilder.DropTable(
            name: "ReportTaskStates");

        migrationBuilder.DropTable(
            name: "ReportEntries");

        migrationBuilder.DropTable(
            name: "ReportVersions");

        migrationBuilder.DropTable(
            name: "Reports");

        migrationBuilder.DropTable(
            name: "ReportRequests");
    }
}
