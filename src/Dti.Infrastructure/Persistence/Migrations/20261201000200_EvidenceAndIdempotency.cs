using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Evidence files and links (rows per upload, content once per SHA-256, bytes in EvidenceBlobs for the database store)
/// and Idempotency-Key claims with their stored responses. Provider-neutral, like every migration: byte arrays are
/// bytea, BLOB or varbinary(max).
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261201000200_EvidenceAndIdempotency")]
public sealed class EvidenceAndIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EvidenceContents",
            columns: table => new
            {
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                MediaType = table.Column<string>(maxLength: 100, nullable: false),
                StoredAt = table.Column<DateTime>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvidenceContents", x => x.Sha256);
            });

        migrationBuilder.CreateTable(
            name: "IdempotencyKeys",
            columns: table => new
            {
                ClientId = table.Column<string>(maxLength: 200, nullable: false),
                Key = table.Column<string>(unicode: false, maxLength: 255, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                ClaimToken = table.Column<Guid>(nullable: false),
                ClaimedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                StatusCode = table.Column<int>(nullable: true),
                ContentType = table.Column<string>(maxLength: 200, nullable: true),
                Location = table.Column<string>(maxLength: 2000, nullable: true),
                ETag = table.Column<string>(maxLength: 200, nullable: true),
                Body = table.Column<byte[]>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdempotencyKeys", x => new { x.ClientId, x.Key });
            });

        migrationBuilder.CreateTable(
            name: "Evidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: true),
                MediaType = table.Column<string>(maxLength: 100, nullable: true),
                SizeBytes = table.Column<long>(nullable: true),
                Sha256 = table.Column<string>(maxLength: 64, nullable: true),
                Url = table.Column<string>(maxLength: 2000, nullable: true),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                UploadedBy = table.Column<string>(maxLength: 200, nullable: true),
                UploadedByName = table.Column<string>(maxLength: 200, nullable: true),
                UploadedAt = table.Column<DateTime>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Evidence", x => x.Id);
                table.ForeignKey(
                    name: "FK_Evidence_Agencies_AgencyId",
                    column: x => x.AgencyId,
                    principalTable: "Agencies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Evidence_EvidenceContents_Sha256",
                    column: x => x.Sha256,
                    principalTable: "EvidenceContents",
                    principalColumn: "Sha256",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "EvidenceBlobs",
            columns: table => new
            {
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Bytes = table.Column<byte[]>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvidenceBlobs", x => x.Sha256);
                table.ForeignKey(
                    name: "FK_EvidenceBlobs_EvidenceContents_Sha256",
                    column: x => x.Sha256,
                    principalTable: "EvidenceContents",
                    principalColumn: "Sha256",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Evidence_AgencyId_UploadedAt",
            table: "Evidence",
            columns: ["AgencyId", "UploadedAt"]);

        migrationBuilder.CreateIndex(
            name: "IX_Evidence_Sha256",
            table: "Evidence",
            column: "Sha256");

        migrationBuilder.CreateIndex(
            name: "IX_IdempotencyKeys_ExpiresAt",
            table: "IdempotencyKeys",
            column: "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "Evidence");

        migrationBuilder.DropTable(
            name: "EvidenceBlobs");

        migrationBuilder.DropTable(
            name: "IdempotencyKeys");

        migrationBuilder.DropTable(
            name: "EvidenceContents");
    }
}
