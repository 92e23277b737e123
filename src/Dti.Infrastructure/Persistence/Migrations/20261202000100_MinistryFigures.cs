using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dti.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MinistryFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MinistryFigureSets",
                columns: table => new
                {
                    AssessmentYear = table.Column<int>(nullable: false),
                    Revision = table.Column<int>(nullable: false),
                    SnapshotId = table.Column<Guid>(nullable: false),
                    Source = table.Column<string>(maxLength: 500, nullable: false),
                    ImportedById = table.Column<string>(maxLength: 200, nullable: false),
                    ImportedByName = table.Column<string>(maxLength: 200, nullable: false),
                    ImportedAt = table.Column<DateTime>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinistryFigureSets", x => new { x.AssessmentYear, x.Revision });
                    table.ForeignKey(
                        name: "FK_MinistryFigureSets_SelfAssessmentSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "SelfAssessmentSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MinistryFigures",
                columns: table => new
                {
                    AssessmentYear = table.Column<int>(nullable: false),
                    Revision = table.Column<int>(nullable: false),
                    IndexCode = table.Column<string>(maxLength: 20, nullable: false),
                    AppraisedValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                    AppraisedScore = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                    FinalValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                    FinalScore = table.Column<decimal>(precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinistryFigures", x => new { x.AssessmentYear, x.Revision, x.IndexCode });
                    table.ForeignKey(
                        name: "FK_MinistryFigures_MinistryFigureSets_AssessmentYear_Revision",
                        columns: x => new { x.AssessmentYear, x.Revision },
                        principalTable: "MinistryFigureSets",
                        principalColumns: new[] { "AssessmentYear", "Revision" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MinistryFigureSets_SnapshotId",
                table: "MinistryFigureSets",
                column: "SnapshotId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinistryFigures");

            migrationBuilder.DropTable(
                name: "MinistryFigureSets");
        }
    }
}
