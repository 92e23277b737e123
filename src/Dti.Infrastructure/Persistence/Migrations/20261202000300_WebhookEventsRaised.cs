using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dti.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WebhookEventsRaised : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Subscriptions registered before this receive none of the ministry-only events until registered again.
            migrationBuilder.AddColumn<bool>(
                name: "ReceivesMinistryEvents",
                table: "WebhookSubscriptions",
                nullable: false,
                defaultValue: false);

            // The default only filled the column for existing rows; new rows always say.
            migrationBuilder.AlterColumn<bool>(
                name: "ReceivesMinistryEvents", table: "WebhookSubscriptions", nullable: false, oldClrType: typeof(bool), oldNullable: false, oldDefaultValue: false);

            migrationBuilder.CreateTable(
                name: "ResultsImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ImportedAt = table.Column<DateTime>(nullable: false),
                    Added = table.Column<int>(nullable: false),
                    Updated = table.Column<int>(nullable: false),
                    Unchanged = table.Column<int>(nullable: false),
                    Years = table.Column<string>(maxLength: 405, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsImports", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResultsImports");

            migrationBuilder.DropColumn(
                name: "ReceivesMinistryEvents",
                table: "WebhookSubscriptions");
        }
    }
}
