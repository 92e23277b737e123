using System.Data.Common;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static Dti.Api.Tests.Persistence.MigrationSteps;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// The migration that moves a report's evidence ids, sources and task snapshot from child tables into JSON columns of its
/// rows (ADR 0018) carries the data: what the rows held, in the author's order, is what the application reads after it
/// (Vietnamese titles exactly), and migrating back gives the rows again.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ReportListsAsJsonMigrationTests(DatabaseProvider provider)
{
    private const string Before = "20261202000300_WebhookEventsRaised";
    private const string At = "'2026-06-01 08:00:00'";

    private static readonly Guid Ict = Guid.CreateVersion7();
    private static readonly Guid Health = Guid.CreateVersion7();
    private static readonly Guid Report = Guid.CreateVersion7();
    private static readonly Guid Contribution = Guid.CreateVersion7();
    private static readonly Guid Cited = Guid.CreateVersion7();
    private static readonly Guid Bare = Guid.CreateVersion7();
    private static readonly Guid FirstEvidence = Guid.CreateVersion7();
    private static readonly Guid SecondEvidence = Guid.CreateVersion7();
    private static readonly Guid Plan = Guid.CreateVersion7();
    private static readonly Guid DataCentre = Guid.CreateVersion7();
    private static readonly Guid Training = Guid.CreateVersion7();

    /// <summary>Illustrative task titles (Plan 170/KH-UBND's kind of work), with every Vietnamese diacritic kind.</summary>
    private static readonly TaskStateSpec[] Tasks =
    [
        new(DataCentre, Plan, "Xây dựng Trung tâm Tích hợp dữ liệu tỉnh", PlanTaskStatus.InProgress, 40, new DateOnly(2026, 9, 30), new DateOnly(2026, 5, 31)),
        new(Training, Plan, "Tập huấn kỹ năng số cho cán bộ, công chức", PlanTaskStatus.NotStarted, 0, null, null),
    ];

    [Test]
    public async Task RowsBecomeJsonListsTheApplicationReadsInTheAuthorsOrder()
    {
        await using var database = await MigratedOverRowsAsync(provider, Before, InsertRowsWrittenBeforeAsync);

        await using var db = Context(database);
        var report = await db.Reports.AsNoTracking().Include(r => r.Entries).SingleAsync(r => r.Id == Report);
        var cited = report.Entries.Single(e => e.Id == Cited);
        var bare = report.Entries.Single(e => e.Id == Bare);
        Assert.Multiple(() =>
        {
            Assert.That(cited.EvidenceIds, Is.EqualTo(new[] { FirstEvidence, SecondEvidence }), "evidence in position order, not insertion order");
            Assert.That(cited.Sources, Is.EqualTo(new[] { new ContributionSource(Contribution, 2, Health), new ContributionSource(Contribution, 1, Health) }));
            Assert.That(bare.EvidenceIds, Is.Empty);
            Assert.That(bare.Sources, Is.Empty);
            Assert.That(report.Tasks, Is.EqualTo(Tasks), "the snapshot, soonest due first, titles exactly");
        });
    }

    [Test]
    public async Task MigratingBackGivesTheRowsAgain()
    {
        await using var database = await MigratedOverRowsAsync(provider, Before, InsertRowsWrittenBeforeAsync);

        await MigrateAsync(database, Before);

        await using var connection = await database.OpenConnectionAsync();
        var evidence = await RowsAsync(connection, $"""SELECT "EvidenceId", "Position" FROM "ReportEntryEvidence" WHERE "EntryId" = {Literal(Cited)} ORDER BY "Position" """);
        var sources = await RowsAsync(connection, $"""SELECT "ContributionReportId", "ContributionVersion", "ContributorAgencyId", "Position" FROM "ReportEntrySources" WHERE "EntryId" = {Literal(Cited)} ORDER BY "Position" """);
        var tasks = await RowsAsync(connection, $"""SELECT "TaskId", "Title", "Status", "ProgressPercent" FROM "ReportTaskStates" WHERE "ReportId" = {Literal(Report)} ORDER BY "ProgressPercent" DESC""");
        Assert.Multiple(() =>
        {
            Assert.That(evidence, Is.EqualTo(new[] { $"{FirstEvidence}|0", $"{SecondEvidence}|1" }));
            Assert.That(sources, Is.EqualTo(new[] { $"{Contribution}|2|{Health}|0", $"{Contribution}|1|{Health}|1" }));
            Assert.That(tasks, Is.EqualTo(Tasks.Select(t => $"{t.TaskId}|{t.Title}|{t.Status}|{t.ProgressPercent}")));
        });
    }

    /// <summary>Rows as the application wrote them before the migration (child rows out of order on purpose), with their parents.</summary>
    private static async Task InsertRowsWrittenBeforeAsync(TestDatabase database)
    {
        string Task(TaskStateSpec t) =>
            $"({Literal(Guid.CreateVersion7())}, {Literal(Report)}, {Literal(t.TaskId)}, {Literal(t.PlanId)}, '{t.Title}', '{t.Status}', {t.ProgressPercent}, {Date(t.DueDate)}, {Date(t.ProgressAsOf)})";
        await using var connection = await database.OpenConnectionAsync();
        foreach (var sql in new[]
        {
            $"""
            INSERT INTO "Agencies" ("Id", "Code", "FullName", "ShortName", "SearchName", "Kind", "ValidFrom", "IsSample", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({Literal(Ict)}, '000.00.31.H50', 'Sở Thông tin và Truyền thông', 'Sở TT&TT', 'so tt&tt', 'Department', '2008-01-01', false, {At}, {At}, 1),
                   ({Literal(Health)}, '000.00.32.H50', 'Sở Y tế', 'Sở Y tế', 'so y te', 'Department', '2008-01-01', false, {At}, {At}, 1)
            """,
            $"""
            INSERT INTO "Reports" ("Id", "Kind", "AgencyId", "AssessmentYear", "SubjectKey", "State", "Revision", "LatestVersionNumber", "ReviewingAgencyId", "IsSample", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({Literal(Contribution)}, 'Contribution', {Literal(Health)}, 2026, 'R:contribution', 'Submitted', 1, 2, {Literal(Ict)}, false, {At}, {At}, 3),
                   ({Literal(Report)}, 'AdHoc', {Literal(Ict)}, 2026, 'R:report', 'Draft', 1, 0, NULL, false, {At}, {At}, 2)
            """,
            $"""
            INSERT INTO "ReportEntries" ("Id", "ReportId", "Position", "IndexCode", "NumericValue", "Score", "Note")
            VALUES ({Literal(Cited)}, {Literal(Report)}, 0, '7', 152.5, 150, 'Số liệu minh họa'),
                   ({Literal(Bare)}, {Literal(Report)}, 1, '7.3', NULL, NULL, NULL)
            """,
            $"""
            INSERT INTO "ReportEntryEvidence" ("Id", "EntryId", "EvidenceId", "Position")
            VALUES ({Literal(Guid.CreateVersion7())}, {Literal(Cited)}, {Literal(SecondEvidence)}, 1),
                   ({Literal(Guid.CreateVersion7())}, {Literal(Cited)}, {Literal(FirstEvidence)}, 0)
            """,
            $"""
            INSERT INTO "ReportEntrySources" ("EntryId", "Position", "ContributionReportId", "ContributionVersion", "ContributorAgencyId")
            VALUES ({Literal(Cited)}, 1, {Literal(Contribution)}, 1, {Literal(Health)}),
                   ({Literal(Cited)}, 0, {Literal(Contribution)}, 2, {Literal(Health)})
            """,
            $"""
            INSERT INTO "ReportTaskStates" ("Id", "ReportId", "TaskId", "PlanId", "Title", "Status", "ProgressPercent", "DueDate", "ProgressAsOf")
            VALUES {Task(Tasks[1])}, {Task(Tasks[0])}
            """,
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Date(DateOnly? date) => date is { } d ? $"'{d:yyyy-MM-dd}'" : "NULL";

    /// <summary>Each row's values as text joined by '|' (GUIDs in lower case whatever the provider returns).</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                Guid g => g.ToString(),
                string s when Guid.TryParse(s, out var g) => g.ToString(),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            })));
        }

        return rows;
    }
}
