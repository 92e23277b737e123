using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>The transactional outbox: domain events stored with the change that raised them. Provider-neutral, like every migration.</summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261201000000_Outbox")]
public sealed class Outbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 200, nullable: false),
                Payload = table.Column<string>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                AvailableAt = table.Column<DateTime>(nullable: false),
                ProcessedAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateIndex("IX_OutboxMessages_ProcessedAt_AvailableAt", "OutboxMessages", ["ProcessedAt", "AvailableAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("OutboxMessages");
}
