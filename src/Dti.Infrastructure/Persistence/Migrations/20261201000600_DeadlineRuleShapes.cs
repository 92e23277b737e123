using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Deadline rules can say more: day N of a month after the period (<c>DueMonthsAfter</c>), N working or calendar
/// days after the cut-off or the period's end (<c>DueDays</c>, <c>DueDayCount</c>, <c>DueCountedFrom</c>), and a
/// time of day for the last allowed instant (<c>DueTime</c>). All nullable: existing rules keep their shape and text.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261201000600_DeadlineRuleShapes")]
public sealed class DeadlineRuleShapes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "DueCountedFrom", table: "DeadlineRules", maxLength: 30, nullable: true);
        migrationBuilder.AddColumn<string>(name: "DueDayCount", table: "DeadlineRules", maxLength: 30, nullable: true);
        migrationBuilder.AddColumn<int>(name: "DueDays", table: "DeadlineRules", nullable: true);
        migrationBuilder.AddColumn<int>(name: "DueMonthsAfter", table: "DeadlineRules", nullable: true);
        migrationBuilder.AddColumn<TimeOnly>(name: "DueTime", table: "DeadlineRules", nullable: true);
    }

    /// <summary>
    /// Drops the columns again; on SQLite EF rebuilds the table from the previous migration's target model
    /// (<c>ReportRequestsAndContributions</c> carries one), so every provider gets the same schema steps.
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "DueCountedFrom", "DueDayCount", "DueDays", "DueMonthsAfter", "DueTime" })
        {
            migrationBuilder.DropColumn(name: column, table: "DeadlineRules");
        }
    }
}
