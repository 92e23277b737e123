using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;

/// <summary>
/// A diagnostic beside the floor, not a second floor: <c>POST /same/reports/{id}/submit</c> and <c>…/withdraw</c> send the
/// statements Dti.Api sends for a submission or withdrawal on PostgreSQL (their texts as <c>pg_stat_statements</c> shows
/// them: the report with its entries and latest version; the calendar's and framework's stamps; the lead obligation; the
/// agency's tasks; then one batch with the report's update, the version's insert or update, two audit rows and the outbox
/// row, and <c>COMMIT</c>), in the same round trips, with a document, audit changes and an event payload of the same
/// shapes, straight through Npgsql: no authentication, pipeline, ORM, validation, calendar or logging. Dti.Api ÷ this is
/// what its pipeline and EF Core cost for that work; this ÷ <c>/reports/…</c> is what the extra work costs
/// (docs/benchmarks.md, sixteenth step). Timeliness is not computed (every version is on time), the answer is the
/// report's state and version, not Dti.Api's whole report, and the outbox rows it writes are dispatched by whichever
/// Dti.Api instance runs on the database, whose CPU for them is not counted here.
/// </summary>
internal static class SameStatements
{
    private const string ReportSql = """
        SELECT s."Id", s."AcceptedVersionNumber", s."AgencyId", s."AssessmentYear", s."CountedSubmittedAt", s."CountedTimeliness", s."CountedVersionNumber", s."CountedWorkingDaysLate", s."CreatedAt", s."DeadlineRuleId", s."Difficulties", s."IsSample", s."Kind", s."LatestVersionNumber", s."PeriodId", s."PlanId", s."Proposals", s."ReportRequestId", s."Results", s."ReviewingAgencyId", s."Revision", s."State", s."SubjectKey", s."Tasks", s."UpdatedAt", s."Version", s."Id0", r1."Id", r1."AsOf", r1."EvidenceIds", r1."Explanation", r1."IndexCode", r1."Note", r1."NumericValue", r1."Position", r1."ReportId", r1."Score", r1."Sources", r1."TextValue", r1."YesNoValue", s."Content", s."ContentHash", s."LastAllowedDay", s."LastAllowedTime", s."Number", s."Outcome", s."ReportId", s."ReturnReason", s."ReviewedAt", s."ReviewedById", s."ReviewedByName", s."Revision0", s."SubmittedAt", s."SubmittedById", s."SubmittedByName", s."Timeliness", s."WorkingDaysLate"
        FROM (
            SELECT r."Id", r."AcceptedVersionNumber", r."AgencyId", r."AssessmentYear", r."CountedSubmittedAt", r."CountedTimeliness", r."CountedVersionNumber", r."CountedWorkingDaysLate", r."CreatedAt", r."DeadlineRuleId", r."Difficulties", r."IsSample", r."Kind", r."LatestVersionNumber", r."PeriodId", r."PlanId", r."Proposals", r."ReportRequestId", r."Results", r."ReviewingAgencyId", r."Revision", r."State", r."SubjectKey", r."Tasks", r."UpdatedAt", r."Version", r0."Id" AS "Id0", r0."Content", r0."ContentHash", r0."LastAllowedDay", r0."LastAllowedTime", r0."Number", r0."Outcome", r0."ReportId", r0."ReturnReason", r0."ReviewedAt", r0."ReviewedById", r0."ReviewedByName", r0."Revision" AS "Revision0", r0."SubmittedAt", r0."SubmittedById", r0."SubmittedByName", r0."Timeliness", r0."WorkingDaysLate"
            FROM "Reports" AS r
            LEFT JOIN "ReportVersions" AS r0 ON r."Id" = r0."ReportId" AND r."LatestVersionNumber" = r0."Number"
            WHERE r."Id" = $1
            LIMIT $2
        ) AS s
        LEFT JOIN "ReportEntries" AS r1 ON s."Id" = r1."ReportId"
        ORDER BY s."Id", s."Id0"
        """;

    private const string StampsSql = """
        SELECT FALSE AS "OfFramework", o."Id", o."Version"
        FROM "OfficialSchedules" AS o
        UNION ALL
        SELECT TRUE AS "OfFramework", f."Id", f."Version"
        FROM "Frameworks" AS f
        WHERE f."FirstAssessmentYear" <= $1 AND (f."LastAssessmentYear" IS NULL OR f."LastAssessmentYear" >= $1)
        """;

    private const string LeadSql = """
        SELECT p."DocumentNumber", p."IssueDate", p."FirstAssessmentYear", p."LastAssessmentYear", d."Id", d."Adjustment", d."Boundary", d."CreatedAt", d."Cutoff", d."DueCountedFrom", d."DueDate", d."DueDay", d."DueDayCount", d."DueDays", d."DueFollowingYear", d."DueKind", d."DueMonth", d."DueMonthsAfter", d."DueTime", d."DueWorkingDays", d."Frequency", d."LegalBasisDocumentNumber", d."LegalBasisIssuedOn", d."Name", d."TextEn", d."TextVi", d."UpdatedAt", d."Version", i0."IndexCode"
        FROM "Plans" AS p
        INNER JOIN "PlanReportingRules" AS p0 ON p."Id" = p0."PlanId"
        INNER JOIN "DeadlineRules" AS d ON p0."DeadlineRuleId" = d."Id"
        LEFT JOIN (
            SELECT i."IndexCode", i."PlanId" AS "PlanId0"
            FROM "IndexAssignments" AS i
            WHERE i."LeadAgencyId" = $1
        ) AS i0 ON p."Id" = i0."PlanId0"
        WHERE p."Id" = $2 AND p."Status" = $4 AND p0."DeadlineRuleId" = $3
        """;

    private const string TasksSql = """
        SELECT p."Id", p."PlanId", p."Title", p."Status", p."ProgressPercent", p."DueDate", p."ProgressAsOf"
        FROM "PlanTasks" AS p
        WHERE p."LeadAgencyId" = $1 AND p."PlanId" = $2
        ORDER BY p."DueDate" IS NULL, p."DueDate", p."Title", p."Id"
        LIMIT $3
        """;

    private const string SubmitReportSql = """
        UPDATE "Reports" SET "CountedSubmittedAt" = $1, "CountedTimeliness" = $2, "CountedVersionNumber" = $3, "CountedWorkingDaysLate" = $4, "LatestVersionNumber" = $5, "State" = $6, "UpdatedAt" = $7, "Version" = $8
        WHERE "Id" = $9 AND "Version" = $10
        """;

    private const string WithdrawReportSql = """
        UPDATE "Reports" SET "CountedSubmittedAt" = $1, "CountedTimeliness" = $2, "CountedVersionNumber" = $3, "CountedWorkingDaysLate" = $4, "State" = $5, "UpdatedAt" = $6, "Version" = $7
        WHERE "Id" = $8 AND "Version" = $9
        """;

    private const string InsertVersionSql = """
        INSERT INTO "ReportVersions" ("Id", "Content", "ContentHash", "LastAllowedDay", "LastAllowedTime", "Number", "Outcome", "ReportId", "ReturnReason", "ReviewedAt", "ReviewedById", "ReviewedByName", "Revision", "SubmittedAt", "SubmittedById", "SubmittedByName", "Timeliness", "WorkingDaysLate")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        """;

    private const string WithdrawVersionSql = """
        UPDATE "ReportVersions" SET "Outcome" = $1, "ReviewedAt" = $2
        WHERE "Id" = $3
        """;

    private const string AuditSql = """
        INSERT INTO "AuditEntries" ("Id", "Action", "AgencyId", "Changes", "ClientId", "ClientName", "EntityId", "EntityType", "OccurredAt", "RequestId")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    private const string OutboxSql = """
        INSERT INTO "OutboxMessages" ("Id", "Attempts", "AvailableAt", "ClaimedBy", "LastError", "OccurredAt", "Payload", "ProcessedAt", "Type")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    private static readonly JsonSerializerOptions Document = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly JsonSerializerOptions Changes = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps both endpoints on a data source of their own, set as Dti.Api sets its own (statements prepared, no reset
    /// between requests; ADR 0014, 0015), which the floor's endpoints are not.</summary>
    public static void Map(WebApplication app, string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, NoResetOnClose = true });
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapPost("/same/reports/{id:guid}/submit", (Guid id, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            ChangeAsync(dataSource, id, request, response, submit: true, cancellationToken));
        app.MapPost("/same/reports/{id:guid}/withdraw", (Guid id, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            ChangeAsync(dataSource, id, request, response, submit: false, cancellationToken));
    }

    private static async Task<IResult> ChangeAsync(
        NpgsqlDataSource dataSource, Guid id, HttpRequest request, HttpResponse response, bool submit, CancellationToken cancellationToken)
    {
        if (!int.TryParse(request.Headers.IfMatch.ToString().Trim('"'), out var expected))
        {
            return Results.StatusCode(StatusCodes.Status428PreconditionRequired);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await ReadAsync(connection, ReportSql, cancellationToken, id, 2);
        if (rows.Count == 0)
        {
            return Results.NotFound();
        }

        var report = rows[0];
        var (agencyId, year, planId, ruleId) = ((Guid)report[2], (int)report[3], (Guid)report[15], (Guid)report[9]);
        var (latest, revision, state, version) = ((int)report[13], (int)report[20], (string)report[21], (int)report[25]);
        if (version != expected || state != (submit ? "Draft" : "Submitted"))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"Report {id} is not {(submit ? "Draft" : "Submitted")} at version {expected}.");
        }

        var now = DateTimeOffset.UtcNow;
        List<object[]> tasks = [];
        if (submit)
        {
            await ReadAsync(connection, StampsSql, cancellationToken, year);
            await ReadAsync(connection, LeadSql, cancellationToken, agencyId, planId, ruleId, "Issued");
            tasks = await ReadAsync(connection, TasksSql, cancellationToken, agencyId, planId, 500);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var versionId = submit ? Guid.CreateVersion7() : (Guid)report[26];
        string reportChanges, versionChanges, type;
        if (submit)
        {
            var content = JsonSerializer.Serialize(new
            {
                Kind = report[12], AgencyId = agencyId, AssessmentYear = year, PlanId = planId, DeadlineRuleId = ruleId, PeriodId = report[14],
                ReportRequestId = report[17], Revision = revision,
                Entries = rows.Where(r => r[27] is not DBNull).Select(r => new
                {
                    IndexCode = r[31], NumericValue = r[33], YesNoValue = Null(r[39]), TextValue = Null(r[38]), Score = Null(r[36]), Note = Null(r[32]),
                    AsOf = Null(r[28]), EvidenceIds = Array.Empty<Guid>(), Explanation = Null(r[30]),
                }),
                Results = Null(report[18]), Difficulties = Null(report[10]), Proposals = Null(report[16]),
                Tasks = tasks.Select(t => new { TaskId = t[0], PlanId = t[1], Title = t[2], Status = t[3], ProgressPercent = t[4], DueDate = Null(t[5]), ProgressAsOf = Null(t[6]) }),
            }, Document);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            Add(batch, SubmitReportSql, now.UtcDateTime, "OnTime", latest + 1, 0, latest + 1, "Submitted", now.UtcDateTime, version + 1, id, version);
            Add(batch, InsertVersionSql, versionId, content, hash, DateOnly.FromDateTime(now.UtcDateTime), null, latest + 1, "Pending", id, null, null, null, null,
                revision, now.UtcDateTime, "same", "same", "OnTime", 0);
            reportChanges = Json(("countedSubmittedAt", null, now), ("countedTimeliness", null, "OnTime"), ("countedVersionNumber", null, latest + 1),
                ("countedWorkingDaysLate", null, 0), ("latestVersionNumber", latest, latest + 1), ("state", "Draft", "Submitted"),
                ("updatedAt", report[24], now), ("version", version, version + 1));
            versionChanges = Json(("id", null, versionId), ("content", null, content), ("contentHash", null, hash), ("number", null, latest + 1),
                ("outcome", null, "Pending"), ("reportId", null, id), ("revision", null, revision), ("submittedAt", null, now), ("timeliness", null, "OnTime"));
            type = "ReportSubmitted";
        }
        else
        {
            Add(batch, WithdrawReportSql, null, null, null, null, "Draft", now.UtcDateTime, version + 1, id, version);
            Add(batch, WithdrawVersionSql, "Withdrawn", now.UtcDateTime, versionId);
            reportChanges = Json(("countedSubmittedAt", report[4], null), ("countedTimeliness", report[5], null), ("countedVersionNumber", report[6], null),
                ("countedWorkingDaysLate", report[7], null), ("state", "Submitted", "Draft"), ("updatedAt", report[24], now), ("version", version, version + 1));
            versionChanges = Json(("outcome", "Pending", "Withdrawn"), ("reviewedAt", null, now));
            type = "ReportWithdrawn";
        }

        Add(batch, AuditSql, Guid.CreateVersion7(), "Updated", agencyId, reportChanges, "same", "same", id.ToString(), "Report", now.UtcDateTime, request.HttpContext.TraceIdentifier);
        Add(batch, AuditSql, Guid.CreateVersion7(), submit ? "Created" : "Updated", agencyId, versionChanges, "same", "same", versionId.ToString(), "ReportVersion",
            now.UtcDateTime, request.HttpContext.TraceIdentifier);
        var payload = JsonSerializer.Serialize(new { ReportId = id, AgencyId = agencyId, Kind = report[12], VersionNumber = submit ? latest + 1 : latest, Revision = revision }, Changes);
        Add(batch, OutboxSql, Guid.CreateVersion7(), 0, now.UtcDateTime, null, null, now.UtcDateTime, payload, null, type);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (batch.BatchCommands[0].RecordsAffected != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"Report {id} changed meanwhile.");
        }

        await transaction.CommitAsync(cancellationToken);
        response.Headers.ETag = $"\"{version + 1}\"";
        return Results.Ok(new ReportState(id, submit ? "Submitted" : "Draft", version + 1));
    }

    private static async Task<List<object[]>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
    }

    private static object? Null(object? value) => value is DBNull ? null : value;

    private static string Json(params (string Name, object? Old, object? New)[] fields) =>
        JsonSerializer.Serialize(fields.ToDictionary(f => f.Name, f => (object)new { old = Null(f.Old), @new = Null(f.New) }), Changes);
}
