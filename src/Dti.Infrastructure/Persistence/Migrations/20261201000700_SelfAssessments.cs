using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dti.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SelfAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    AssessmentYear = table.Column<int>(nullable: false),
                    FrameworkId = table.Column<Guid>(nullable: false),
                    DeadlineRuleId = table.Column<Guid>(nullable: false),
                    LastAllowedDay = table.Column<DateOnly>(nullable: false),
                    State = table.Column<string>(maxLength: 20, nullable: false),
                    Revision = table.Column<int>(nullable: false),
                    OpenedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_DeadlineRules_DeadlineRuleId",
                        column: x => x.DeadlineRuleId,
                        principalTable: "DeadlineRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SelfAssessmentId = table.Column<Guid>(nullable: false),
                    IndexCode = table.Column<string>(maxLength: 20, nullable: false),
                    Value = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                    Score = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                    Reason = table.Column<string>(maxLength: 2000, nullable: false),
                    ById = table.Column<string>(maxLength: 200, nullable: false),
                    ByName = table.Column<string>(maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentOverrides_SelfAssessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SelfAssessmentId = table.Column<Guid>(nullable: false),
                    AssessmentYear = table.Column<int>(nullable: false),
                    Revision = table.Column<int>(nullable: false),
                    Document = table.Column<string>(nullable: false),
                    Sha256 = table.Column<string>(fixedLength: true, maxLength: 64, nullable: false),
                    SignatureFormat = table.Column<string>(maxLength: 20, nullable: false),
                    Signature = table.Column<byte[]>(nullable: false),
                    SignerThumbprint = table.Column<string>(fixedLength: true, maxLength: 64, nullable: false),
                    FinalisedById = table.Column<string>(maxLength: 200, nullable: false),
                    FinalisedByName = table.Column<string>(maxLength: 200, nullable: false),
                    FinalisedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentSnapshots_SelfAssessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotPulls",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SnapshotId = table.Column<Guid>(nullable: false),
                    AssessmentYear = table.Column<int>(nullable: false),
                    Revision = table.Column<int>(nullable: false),
                    Format = table.Column<string>(maxLength: 20, nullable: false),
                    ById = table.Column<string>(maxLength: 200, nullable: false),
                    ByName = table.Column<string>(maxLength: 200, nullable: false),
                    Role = table.Column<string>(maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotPulls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotPulls_SelfAssessmentSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "SelfAssessmentSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentOverrides_SelfAssessmentId_IndexCode",
                table: "SelfAssessmentOverrides",
                columns: new[] { "SelfAssessmentId", "IndexCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_AssessmentYear",
                table: "SelfAssessments",
                column: "AssessmentYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_DeadlineRuleId",
                table: "SelfAssessments",
                column: "DeadlineRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_FrameworkId",
                table: "SelfAssessments",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentSnapshots_AssessmentYear_Revision",
                table: "SelfAssessmentSnapshots",
                columns: new[] { "AssessmentYear", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentSnapshots_SelfAssessmentId",
                table: "SelfAssessmentSnapshots",
                column: "SelfAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotPulls_AssessmentYear_At",
                table: "SnapshotPulls",
                columns: new[] { "AssessmentYear", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotPulls_SnapshotId",
                table: "SnapshotPulls",
                column: "SnapshotId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SelfAssessmentOverrides");

            migrationBuilder.DropTable(
                name: "SnapshotPulls");

            migrationBuilder.DropTable(
                name: "SelfAssessmentSnapshots");

            migrationBuilder.DropTable(
                name: "SelfAssessments");
        }
    }
}
