using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Province units with their validity and the unit each merged into (1/7/2025), and official DTI figures per year,
/// field size, province, kind and code. Provider-neutral.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261201000800_ResultsAndProvinceUnits")]
public sealed class ResultsAndProvinceUnits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OfficialFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                FieldSize = table.Column<int>(nullable: false),
                ProvinceCode = table.Column<string>(maxLength: 40, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Rank = table.Column<int>(nullable: true),
                Origin = table.Column<string>(maxLength: 20, nullable: false),
                Source = table.Column<string>(maxLength: 500, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OfficialFigures", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "ProvinceUnits",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
                SuccessorCode = table.Column<string>(maxLength: 40, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProvinceUnits", x => x.Code);
                table.ForeignKey(
                    name: "FK_ProvinceUnits_ProvinceUnits_SuccessorCode",
                    column: x => x.SuccessorCode,
                    principalTable: "ProvinceUnits",
                    principalColumn: "Code",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_OfficialFigures_Year_FieldSize_ProvinceCode_Kind_Code",
            table: "OfficialFigures",
            columns: new[] { "Year", "FieldSize", "ProvinceCode", "Kind", "Code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ProvinceUnits_SuccessorCode",
            table: "ProvinceUnits",
            column: "SuccessorCode");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "OfficialFigures");

        migrationBuilder.DropTable(
            name: "ProvinceUnits");
    }
}
