using System.Data.Common;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static Dti.Api.Tests.Persistence.MigrationSteps;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// The migration that turns delimited lists into child tables carries the data: rows written as text before it are
/// rows (in their order, queryable by item) after it, the text columns are gone, and migrating back writes the same text.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ListsAsChildTablesMigrationTests(DatabaseProvider provider)
{
    private const string Before = "20261201000000_Outbox";

    private static readonly Guid Agency = Guid.CreateVersion7();
    private static readonly Guid Plan = Guid.CreateVersion7();
    private static readonly Guid Task = Guid.CreateVersion7();
    private static readonly Guid TaskWithoutIndices = Guid.CreateVersion7();
    private static readonly Guid Client = Guid.CreateVersion7();
    private static readonly Guid Reader = Guid.CreateVersion7();
    private static readonly Guid Police = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid Health = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    /// <summary>The text the application wrote before the migration: index codes space-separated, roles and agencies comma-separated.</summary>
    private static readonly (string IndexCodes, string Roles, string AgencyIds) Stored = ("7.3 3 10", "Coordinator,AgencyReporter", $"{Health},{Police}");

    [Test]
    public async Task DelimitedTextBecomesOneRowPerItemInItsOrderAndTheTextColumnsGo()
    {
        await using var database = await MigratedOverRowsAsync(provider, Before, InsertRowsWrittenBeforeAsync);

        await using var db = Context(database);
        var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == Task);
        var bare = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == TaskWithoutIndices);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == Client);
        var reader = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == Reader);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(task.IndexCodes, Is.EqualTo(new[] { "7.3", "3", "10" }));
            Assert.That(task.Indices.Select(i => i.Position), Is.EquivalentTo(new[] { 0, 1, 2 }));
            Assert.That(bare.IndexCodes, Is.Empty);
            Assert.That(client.Roles, Is.EqualTo(new[] { ClientRole.Coordinator, ClientRole.AgencyReporter }));
            Assert.That(client.AgencyIds, Is.EqualTo(new[] { Health, Police }));
            Assert.That(reader.Roles, Is.EqualTo(new[] { ClientRole.Reader }));
            Assert.That(reader.AgencyIds, Is.Empty);

            Assert.That(await db.PlanTasks.Where(t => t.Indices.Any(i => i.IndexCode == "3")).Select(t => t.Id).ToListAsync(), Is.EqualTo(new[] { Task }), "tasks for index 3");
            Assert.That(await db.Clients.Where(c => c.Agencies.Any(a => a.AgencyId == Police)).Select(c => c.Id).ToListAsync(), Is.EqualTo(new[] { Client }), "clients acting for an agency");
            Assert.That(await db.Clients.Where(c => c.RoleGrants.Any(r => r.Role == ClientRole.Reader)).Select(c => c.Id).ToListAsync(), Is.EqualTo(new[] { Reader }), "clients with a role");

            Assert.That(await ColumnsAsync(database, "PlanTasks"), Does.Not.Contain("IndexCodes"));
            Assert.That(await ColumnsAsync(database, "Clients"), Does.Not.Contain("Roles").And.Not.Contain("AgencyIds"));
        });
    }

    [Test]
    public async Task MigratingBackWritesTheSameTextAgain()
    {
        await using var database = await MigratedOverRowsAsync(provider, Before, InsertRowsWrittenBeforeAsync);

        await MigrateAsync(database, Before);

        await using var connection = await database.OpenConnectionAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ScalarAsync(connection, $"""SELECT "IndexCodes" FROM "PlanTasks" WHERE "Id" = {Literal(Task)}"""), Is.EqualTo(Stored.IndexCodes));
            Assert.That(await ScalarAsync(connection, $"""SELECT "IndexCodes" FROM "PlanTasks" WHERE "Id" = {Literal(TaskWithoutIndices)}"""), Is.EqualTo(string.Empty));
            Assert.That(await ScalarAsync(connection, $"""SELECT "Roles" FROM "Clients" WHERE "Id" = {Literal(Client)}"""), Is.EqualTo(Stored.Roles));
            Assert.That(await ScalarAsync(connection, $"""SELECT "AgencyIds" FROM "Clients" WHERE "Id" = {Literal(Client)}"""), Is.EqualTo(Stored.AgencyIds));
            Assert.That(await ScalarAsync(connection, $"""SELECT "AgencyIds" FROM "Clients" WHERE "Id" = {Literal(Reader)}"""), Is.EqualTo(string.Empty));
        });
    }

    /// <summary>Rows as the application wrote them before the migration, with the parents their foreign keys need.</summary>
    private static async Task InsertRowsWrittenBeforeAsync(TestDatabase database)
    {
        const string At = "'2026-01-01 00:00:00'";
        await using var connection = await database.OpenConnectionAsync();
        foreach (var sql in new[]
        {
            $"""
            INSERT INTO "Agencies" ("Id", "Code", "FullName", "ShortName", "SearchName", "Kind", "ValidFrom", "IsSample", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({Literal(Agency)}, '000.00.31.H50', 'Sở Thông tin và Truyền thông', 'Sở TT&TT', 'so tt&tt', 'Department', '2008-01-01', false, {At}, {At}, 1)
            """,
            $"""
            INSERT INTO "Plans" ("Id", "Kind", "DocumentNumber", "IssuerAgencyId", "IssueDate", "Title", "FirstAssessmentYear", "LastAssessmentYear", "Status", "IsSample", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({Literal(Plan)}, 'Plan', '170/KH-UBND', {Literal(Agency)}, '2023-08-11', 'Nâng cao chỉ số DTI', 2023, 2025, 'Draft', false, {At}, {At}, 1)
            """,
            $"""
            INSERT INTO "PlanTasks" ("Id", "PlanId", "Title", "LeadAgencyId", "IndexCodes", "Status", "ProgressPercent", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({Literal(Task)}, {Literal(Plan)}, 'Trung tâm Tích hợp dữ liệu', {Literal(Agency)}, '{Stored.IndexCodes}', 'NotStarted', 0, {At}, {At}, 1),
                   ({Literal(TaskWithoutIndices)}, {Literal(Plan)}, 'Tập huấn kỹ năng số', {Literal(Agency)}, '', 'NotStarted', 0, {At}, {At}, 1)
            """,
            $"""
            INSERT INTO "Clients" ("Id", "Name", "Roles", "AgencyIds", "CreatedAt", "KeyId", "KeyHash")
            VALUES ({Literal(Client)}, 'Hệ thống báo cáo', '{Stored.Roles}', '{Stored.AgencyIds}', {At}, '0123456789abcdef', '{new string('a', 64)}'),
                   ({Literal(Reader)}, 'Bảng điều khiển', 'Reader', '', {At}, 'fedcba9876543210', '{new string('b', 64)}')
            """,
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> ColumnsAsync(TestDatabase database, string table)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT * FROM "{table}" WHERE 1 = 0""";
        await using var reader = await command.ExecuteReaderAsync();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
