using Npgsql;

// The floor for benchmarks/run.sh: the same read and write as Dti.Api, straight through Npgsql, with no
// authentication, pipeline, ORM or logging. Connection string: ConnectionStrings__Dti.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
await using var dataSource = NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Dti")
    ?? throw new InvalidOperationException("ConnectionStrings__Dti is not set."));
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

await app.RunAsync();

// Positional parameters ($1, $2, …) in order; null as SQL NULL.
static void AddParameters(NpgsqlCommand command, params object?[] values)
{
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
    }
}

internal sealed record AgencyRow(
    Guid Id, string Code, string FullName, string ShortName, string Kind, Guid? ParentId, DateOnly ValidFrom, DateOnly? ValidTo,
    Guid? SuccessorId, string? SuccessionReason, string? SuccessionNote, bool IsSample, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record ProgressBody(string Status, int Percent, string? Note);
