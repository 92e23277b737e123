using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// The framework catalog. Hand-written and provider-neutral: no store types, only CLR types,
/// lengths and precision, so SQLite, PostgreSQL (and SQL Server) each map them.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261121000000_FrameworkCatalog")]
public sealed class FrameworkCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Frameworks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                DecisionNumber = table.Column<string>(maxLength: 60, nullable: false),
                IssuingMinistry = table.Column<string>(maxLength: 200, nullable: false),
                IssueDate = table.Column<DateOnly>(nullable: false),
                FirstAssessmentYear = table.Column<int>(nullable: false),
                LastAssessmentYear = table.Column<int>(nullable: true),
                TitleVi = table.Column<string>(maxLength: 500, nullable: false),
                TitleEn = table.Column<string>(maxLength: 500, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Frameworks", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Pillars",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Order = table.Column<int>(nullable: false),
                NameVi = table.Column<string>(maxLength: 500, nullable: false),
                NameEn = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Pillars", x => x.Id);
                table.ForeignKey("FK_Pillars_Frameworks_FrameworkId", x => x.FrameworkId, "Frameworks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MainIndices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Order = table.Column<int>(nullable: false),
                NameVi = table.Column<string>(maxLength: 500, nullable: false),
                NameEn = table.Column<string>(maxLength: 500, nullable: true),
                MaxPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                IsScored = table.Column<bool>(nullable: false),
                Group = table.Column<string>(maxLength: 20, nullable: false),
                PillarCode = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MainIndices", x => x.Id);
                table.ForeignKey("FK_MainIndices_Frameworks_FrameworkId", x => x.FrameworkId, "Frameworks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ComponentIndices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                MainIndexCode = table.Column<string>(maxLength: 20, nullable: false),
                Order = table.Column<int>(nullable: false),
                NameVi = table.Column<string>(maxLength: 500, nullable: false),
                NameEn = table.Column<string>(maxLength: 500, nullable: true),
                MaxPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                MeasureType = table.Column<string>(maxLength: 20, nullable: false),
                Unit = table.Column<string>(maxLength: 50, nullable: true),
                EvidenceRequired = table.Column<bool>(nullable: false),
                DataSource = table.Column<string>(maxLength: 500, nullable: true),
                IsSample = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ComponentIndices", x => x.Id);
                table.ForeignKey("FK_ComponentIndices_Frameworks_FrameworkId", x => x.FrameworkId, "Frameworks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Frameworks_Code", "Frameworks", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Pillars_FrameworkId_Code", "Pillars", ["FrameworkId", "Code"], unique: true);
        migrationBuilder.CreateIndex("IX_MainIndices_FrameworkId_Code", "MainIndices", ["FrameworkId", "Code"], unique: true);
        migrationBuilder.CreateIndex("IX_ComponentIndices_FrameworkId_Code", "ComponentIndices", ["FrameworkId", "Code"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ComponentIndices");
        migrationBuilder.DropTable("MainIndices");
        migrationBuilder.DropTable("Pillars");
        migrationBuilder.DropTable("Frameworks");
    }
}
