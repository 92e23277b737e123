using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>Client systems with their hashed API keys, and the append-only audit trail. Provider-neutral, like every migration.</summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261122000300_ClientsAndAudit")]
public sealed class ClientsAndAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Clients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Contact = table.Column<string>(maxLength: 200, nullable: true),
                Roles = table.Column<string>(maxLength: 100, nullable: false),
                AgencyIds = table.Column<string>(maxLength: 740, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                KeyIssuedAt = table.Column<DateTime>(nullable: true),
                KeyId = table.Column<string>(maxLength: 16, nullable: false),
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Clients", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                ClientId = table.Column<string>(maxLength: 200, nullable: true),
                ClientName = table.Column<string>(maxLength: 200, nullable: false),
                AgencyId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 200, nullable: false),
                RequestId = table.Column<string>(maxLength: 100, nullable: true),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateIndex("IX_Clients_KeyId", "Clients", "KeyId", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityId", "AuditEntries", ["EntityType", "EntityId"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_OccurredAt", "AuditEntries", "OccurredAt");
        migrationBuilder.CreateIndex("IX_AuditEntries_ClientId", "AuditEntries", "ClientId");
        migrationBuilder.CreateIndex("IX_AuditEntries_AgencyId", "AuditEntries", "AgencyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropTable("Clients");
    }
}
