using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dti.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Subject = table.Column<string>(maxLength: 20, nullable: false),
                    SubjectKey = table.Column<string>(maxLength: 200, nullable: false),
                    Threshold = table.Column<string>(maxLength: 20, nullable: false),
                    AgencyId = table.Column<Guid>(nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: false),
                    RaisedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderScanClaims",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false),
                    LastScanAt = table.Column<DateTime>(nullable: true),
                    ScannedBy = table.Column<string>(maxLength: 200, nullable: true),
                    Raised = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderScanClaims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_DueOn",
                table: "Reminders",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_Subject_Key_Threshold",
                table: "Reminders",
                columns: new[] { "Subject", "SubjectKey", "Threshold" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "ReminderScanClaims");
        }
    }
}
