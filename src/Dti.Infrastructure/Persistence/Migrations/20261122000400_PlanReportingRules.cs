using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>Which deadline rules each plan's lead agencies report by. Provider-neutral, like every migration.</summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261122000400_PlanReportingRules")]
public sealed class PlanReportingRules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PlanReportingRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                DeadlineRuleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanReportingRules", x => x.Id);
                table.ForeignKey("FK_PlanReportingRules_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PlanReportingRules_DeadlineRules_DeadlineRuleId", x => x.DeadlineRuleId, "DeadlineRules", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_PlanReportingRules_PlanId_DeadlineRuleId", "PlanReportingRules", ["PlanId", "DeadlineRuleId"], unique: true);
        migrationBuilder.CreateIndex("IX_PlanReportingRules_DeadlineRuleId", "PlanReportingRules", "DeadlineRuleId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PlanReportingRules");
}
