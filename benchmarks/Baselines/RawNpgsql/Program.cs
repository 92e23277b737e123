using System.Security.Cryptography;
using System.Text;
using Npgsql;

// The floor for benchmarks/run.sh: the same read and write as Dti.Api, straight through Npgsql, with no
// authentication, pipeline, ORM or logging. Connection string: ConnectionStrings__Dti.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Dti") ?? throw new InvalidOperationException("ConnectionStrings__Dti is not set.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var app = builder.Build();

app.MapGet("/agencies/{id:guid}", async (Guid id, CancellationToken cancellationToken) =>
{
    await using var command = dataSource.CreateCommand(
        """
        SELECT "Id", "Code", "FullName", "ShortName", "Kind", "ParentId", "ValidFrom", "ValidTo", "SuccessorId",
               "SuccessionReason", "SuccessionNote", "IsSample", "CreatedAt", "UpdatedAt", "Version"
        FROM "Agencies" WHERE "Id" = $1
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    if (!await reader.ReadAsync(cancellationToken))
    {
        return Results.NotFound();
    }

    var agency = new AgencyRow(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
        reader.IsDBNull(8) ? null : reader.GetGuid(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.GetBoolean(11), reader.GetFieldValue<DateTimeOffset>(12), reader.GetFieldValue<DateTimeOffset>(13));
    return Results.Ok(agency);
});

// Dti.Api's POST …/tasks/{id}/progress does this and more (authorisation, validation, the domain's rules, audit, outbox).
app.MapPost("/tasks/{id:guid}/progress", async (Guid id, ProgressBody body, CancellationToken cancellationToken) =>
{
    var now = DateTimeOffset.UtcNow;
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
    await using (var insert = new NpgsqlCommand(
        """
        INSERT INTO "TaskProgressEntries" ("Id", "TaskId", "Status", "Percent", "Note", "AsOf", "RecordedAt")
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """, connection, transaction))
    {
        AddParameters(insert, Guid.CreateVersion7(), id, body.Status, body.Percent, body.Note, today, now.UtcDateTime);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    await using var update = new NpgsqlCommand(
        """
        UPDATE "PlanTasks" SET "Status" = $2, "ProgressPercent" = $3, "ProgressNote" = $4, "ProgressAsOf" = $5,
               "UpdatedAt" = $6, "Version" = "Version" + 1
        WHERE "Id" = $1
        """, connection, transaction);
    AddParameters(update, id, body.Status, body.Percent, body.Note, today, now.UtcDateTime);
    var updated = await update.ExecuteNonQueryAsync(cancellationToken);
    await transaction.CommitAsync(cancellationToken);
    return updated == 1 ? Results.Ok() : Results.NotFound();
});

// Dti.Api's POST /reports/{id}/submit and /withdraw do this and more (authorisation, the report's terms and deadline, the
// agency's task snapshot, the frozen document, audit, outbox): a version row inserted (submit) or marked (withdraw) and the
// report's state moved, in one transaction, checked against If-Match ("N") like Dti.Api's. The content is a fixed document.
app.MapPost("/reports/{id:guid}/submit", (Guid id, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
    ChangeReport(id, request, response, "Draft", "Submitted",
        """
        INSERT INTO "ReportVersions" ("Id", "ReportId", "Number", "Revision", "Content", "ContentHash", "SubmittedAt", "SubmittedById",
                                      "SubmittedByName", "LastAllowedDay", "Timeliness", "WorkingDaysLate", "Outcome")
        SELECT $3, r."Id", r."LatestVersionNumber" + 1, r."Revision", $4, $5, $6, 'raw', 'raw', $7, 'OnTime', 0, 'Pending'
        FROM "Reports" AS r WHERE r."Id" = $1 AND r."Version" = $2
        """,
        """
        UPDATE "Reports" SET "State" = 'Submitted', "LatestVersionNumber" = "LatestVersionNumber" + 1, "UpdatedAt" = $3, "Version" = "Version" + 1
        WHERE "Id" = $1 AND "Version" = $2 AND "State" = 'Draft' RETURNING "Version"
        """,
        cancellationToken));

app.MapPost("/reports/{id:guid}/withdraw", (Guid id, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
    ChangeReport(id, request, response, "Submitted", "Draft",
        """
        UPDATE "ReportVersions" AS v SET "Outcome" = 'Withdrawn', "ReviewedAt" = $3
        FROM "Reports" AS r WHERE r."Id" = $1 AND r."Version" = $2 AND v."ReportId" = r."Id" AND v."Number" = r."LatestVersionNumber"
        """,
        """
        UPDATE "Reports" SET "State" = 'Draft', "UpdatedAt" = $3, "Version" = "Version" + 1
        WHERE "Id" = $1 AND "Version" = $2 AND "State" = 'Submitted' RETURNING "Version"
        """,
        cancellationToken));

// Beside them, a diagnostic: Dti.Api's own statements for the same submission and withdrawal (SameStatements.cs).
SameStatements.Map(app, connectionString);

await app.RunAsync();

// Positional parameters ($1, $2, …) in order; null as SQL NULL.
static void AddParameters(NpgsqlCommand command, params object?[] values)
{
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
    }
}

// The version row's statement, then the report's; 409 unless the report is in state `from` at the If-Match version, else 200 with the ETag.
async Task<IResult> ChangeReport(Guid id, HttpRequest request, HttpResponse response, string from, string to, string versionSql, string reportSql, CancellationToken cancellationToken)
{
    if (!int.TryParse(request.Headers.IfMatch.ToString().Trim('"'), out var expected))
    {
        return Results.StatusCode(StatusCodes.Status428PreconditionRequired);
    }

    var now = DateTimeOffset.UtcNow;
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
    await using (var version = new NpgsqlCommand(versionSql, connection, transaction))
    {
        if (to == "Submitted")
        {
            var content = $$"""{"entries":[{"indexCode":"1","numericValue":50,"score":10}],"results":"raw {{now:O}}"}""";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            AddParameters(version, id, expected, Guid.CreateVersion7(), content, hash, now.UtcDateTime, DateOnly.FromDateTime(now.UtcDateTime));
        }
        else
        {
            AddParameters(version, id, expected, now.UtcDateTime);
        }

        await version.ExecuteNonQueryAsync(cancellationToken);
    }

    await using var report = new NpgsqlCommand(reportSql, connection, transaction);
    AddParameters(report, id, expected, now.UtcDateTime);
    var stored = await report.ExecuteScalarAsync(cancellationToken);
    if (stored is not int newVersion)
    {
        await transaction.RollbackAsync(cancellationToken);
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"Report {id} is not {from} at version {expected}.");
    }

    await transaction.CommitAsync(cancellationToken);
    response.Headers.ETag = $"\"{newVersion}\"";
    return Results.Ok(new ReportState(id, to, newVersion));
}

internal sealed record ReportState(Guid Id, string State, int Version);

internal sealed record AgencyRow(
    Guid Id, string Code, string FullName, string ShortName, string Kind, Guid? ParentId, DateOnly ValidFrom, DateOnly? ValidTo,
    Guid? SuccessorId, string? SuccessionReason, string? SuccessionNote, bool IsSample, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record ProgressBody(string Status, int Percent, string? Note);
