using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dti.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WebhookSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ClientId = table.Column<string>(maxLength: 200, nullable: false),
                    Url = table.Column<string>(maxLength: 2000, nullable: false),
                    Description = table.Column<string>(maxLength: 500, nullable: true),
                    ReceivesEverything = table.Column<bool>(nullable: false),
                    ReceivesPublished = table.Column<bool>(nullable: false),
                    Secret = table.Column<string>(maxLength: 70, nullable: false),
                    SecretIssuedAt = table.Column<DateTime>(nullable: false),
                    Active = table.Column<bool>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    ConsecutiveFailures = table.Column<int>(nullable: false),
                    PausedUntil = table.Column<DateTime>(nullable: true),
                    DisabledAt = table.Column<DateTime>(nullable: true),
                    DisabledReason = table.Column<string>(maxLength: 500, nullable: true),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SubscriptionId = table.Column<Guid>(nullable: false),
                    EventId = table.Column<Guid>(nullable: false),
                    EventType = table.Column<string>(maxLength: 60, nullable: false),
                    Body = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    NextAttemptAt = table.Column<DateTime>(nullable: false),
                    ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                    AttemptCount = table.Column<int>(nullable: false),
                    DeliveredAt = table.Column<DateTime>(nullable: true),
                    GaveUpAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "WebhookSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookSubscriptionAgencies",
                columns: table => new
                {
                    AgencyId = table.Column<Guid>(nullable: false),
                    SubscriptionId = table.Column<Guid>(nullable: false),
                    Position = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSubscriptionAgencies", x => new { x.SubscriptionId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_WebhookSubscriptionAgencies_Subscription",
                        column: x => x.SubscriptionId,
                        principalTable: "WebhookSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookSubscriptionEventTypes",
                columns: table => new
                {
                    EventType = table.Column<string>(maxLength: 60, nullable: false),
                    SubscriptionId = table.Column<Guid>(nullable: false),
                    Position = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSubscriptionEventTypes", x => new { x.SubscriptionId, x.EventType });
                    table.ForeignKey(
                        name: "FK_WebhookSubscriptionEventTypes_Subscription",
                        column: x => x.SubscriptionId,
                        principalTable: "WebhookSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DeliveryId = table.Column<Guid>(nullable: false),
                    Number = table.Column<int>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    StatusCode = table.Column<int>(nullable: true),
                    DurationMs = table.Column<long>(nullable: false),
                    Error = table.Column<string>(maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookAttempts_WebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "WebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookAttempts_DeliveryId_Number",
                table: "WebhookAttempts",
                columns: new[] { "DeliveryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_DeliveredAt_GaveUpAt_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "DeliveredAt", "GaveUpAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_EventId",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptionEventTypes_EventType",
                table: "WebhookSubscriptionEventTypes",
                column: "EventType");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_ClientId",
                table: "WebhookSubscriptions",
                column: "ClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookAttempts");

            migrationBuilder.DropTable(
                name: "WebhookSubscriptionAgencies");

            migrationBuilder.DropTable(
                name: "WebhookSubscriptionEventTypes");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "WebhookSubscriptions");
        }
    }
}
