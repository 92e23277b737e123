using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// <c>Reports</c> is indexed on the assessment year alone, no longer on year and state. Every submission, withdrawal and
/// review changes a report's state; while the state was indexed, PostgreSQL had to write each of those updates as a new
/// row version with an entry in all seven indexes of the table. Now no indexed column changes, so it updates the row in
/// place (a HOT update) and touches no index (ADR 0018). A filter on year and state reads the year's few hundred reports
/// through this index. Provider-neutral.
/// </summary>
public sealed partial class ReportsUpdatedInPlace : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Reports_AssessmentYear_State", table: "Reports");
        migrationBuilder.CreateIndex(name: "IX_Reports_AssessmentYear", table: "Reports", column: "AssessmentYear");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Reports_AssessmentYear", table: "Reports");
        migrationBuilder.CreateIndex(name: "IX_Reports_AssessmentYear_State", table: "Reports", columns: ["AssessmentYear", "State"]);
    }
}
