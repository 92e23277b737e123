using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Clients get a version (concurrency token and ETag) so rotating a key and revoking require If-Match like every
/// other change. Existing clients start at version 1, as new ones do.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261123000000_ClientVersions")]
public sealed class ClientVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>(name: "Version", table: "Clients", nullable: false, defaultValue: 1);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Version", table: "Clients");
}
