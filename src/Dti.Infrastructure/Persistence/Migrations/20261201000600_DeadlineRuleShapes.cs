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
    /// Plain <c>ALTER TABLE … DROP COLUMN</c>, which SQLite (3.35 and later), PostgreSQL and SQL Server all run: EF's
    /// SQLite generator refuses a column drop without the target model that a table rebuild needs.
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "DueCountedFrom", "DueDayCount", "DueDays", "DueMonthsAfter", "DueTime" })
        {
            migrationBuilder.Sql($"""ALTER TABLE "DeadlineRules" DROP COLUMN "{column}";""");
        }
    }
}
