using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Official holiday schedules per year, deadline rules as data, and the record of reference data already
/// loaded. Hand-written and provider-neutral like <see cref="FrameworkCatalog"/>.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261122000200_CalendarAndDeadlineRules")]
public sealed class CalendarAndDeadlineRules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OfficialSchedules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_OfficialSchedules", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OfficialScheduleDays",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OfficialScheduleId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OfficialScheduleDays", x => x.Id);
                table.ForeignKey("FK_OfficialScheduleDays_OfficialSchedules_OfficialScheduleId", x => x.OfficialScheduleId, "OfficialSchedules", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeadlineRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Frequency = table.Column<string>(maxLength: 30, nullable: false),
                DueKind = table.Column<string>(maxLength: 30, nullable: false),
                DueDay = table.Column<int>(nullable: true),
                DueMonth = table.Column<int>(nullable: true),
                DueFollowingYear = table.Column<bool>(nullable: false),
                DueWorkingDays = table.Column<int>(nullable: true),
                DueDate = table.Column<DateOnly>(nullable: true),
                Boundary = table.Column<string>(maxLength: 30, nullable: false),
                Cutoff = table.Column<string>(maxLength: 30, nullable: false),
                Adjustment = table.Column<string>(maxLength: 30, nullable: false),
                LegalBasisDocumentNumber = table.Column<string>(maxLength: 100, nullable: true),
                LegalBasisIssuedOn = table.Column<DateOnly>(nullable: true),
                TextVi = table.Column<string>(maxLength: 1000, nullable: false),
                TextEn = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DeadlineRules", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ReferenceDataSeeds",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 250, nullable: false),
                AppliedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReferenceDataSeeds", x => x.Key));

        migrationBuilder.CreateIndex("IX_OfficialSchedules_Year", "OfficialSchedules", "Year", unique: true);
        migrationBuilder.CreateIndex("IX_OfficialScheduleDays_OfficialScheduleId_Date", "OfficialScheduleDays", ["OfficialScheduleId", "Date"], unique: true);
        migrationBuilder.CreateIndex("IX_DeadlineRules_Name", "DeadlineRules", "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReferenceDataSeeds");
        migrationBuilder.DropTable("DeadlineRules");
        migrationBuilder.DropTable("OfficialScheduleDays");
        migrationBuilder.DropTable("OfficialSchedules");
    }
}
