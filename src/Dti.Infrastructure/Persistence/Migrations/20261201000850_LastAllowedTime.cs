using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// A submission and a self-assessment keep the time of day of the deadline they are judged against (<c>LastAllowedTime</c>,
/// from a rule such as "trước 16 giờ ngày 15/12"). Nullable: null is the end of the day, what every stored row was judged
/// against. Provider-neutral. Ordered right after <c>ResultsAndProvinceUnits</c>: reverting a dropped column on SQLite
/// rebuilds the table from the previous migration's model, and that one holds both tables.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261201000850_LastAllowedTime")]
public sealed class LastAllowedTime : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<TimeOnly>(name: "LastAllowedTime", table: "SelfAssessments", nullable: true);
        migrationBuilder.AddColumn<TimeOnly>(name: "LastAllowedTime", table: "ReportVersions", nullable: true);
    }

    /// <summary>
    /// Drops the columns again; on SQLite EF rebuilds the tables from the previous migration's target model
    /// (<c>ResultsAndProvinceUnits</c> carries one for that reason).
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "LastAllowedTime", table: "SelfAssessments");
        migrationBuilder.DropColumn(name: "LastAllowedTime", table: "ReportVersions");
    }
}
