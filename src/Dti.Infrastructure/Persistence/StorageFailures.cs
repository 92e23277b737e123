using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dti.Infrastructure.Persistence;

/// <summary>
/// Tells a failed save the client can fix — a duplicate key, 409 — from every other database failure, which is the
/// server's (500). Read from each provider's own error code, never from message text.
/// </summary>
public static class StorageFailures
{
    // SQLITE_CONSTRAINT and its extended codes SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (sqlite.org/rescode.html).
    private const int SqliteConstraint = 19;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    // SQL Server's "duplicate key row in unique index" and "violation of PRIMARY KEY/UNIQUE constraint", checked by number
    // and type name so that supporting the provider later (docs/decisions/0004) needs no change here.
    private const string SqlServerExceptionType = "Microsoft.Data.SqlClient.SqlException";
    private const int SqlServerDuplicateIndexKey = 2601;
    private const int SqlServerDuplicateConstraintKey = 2627;

    /// <summary>True when <paramref name="exception"/> is a unique-key or primary-key violation on any supported provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        DbException other when other.GetType().FullName == SqlServerExceptionType =>
            other.GetType().GetProperty("Number")?.GetValue(other) is SqlServerDuplicateIndexKey or SqlServerDuplicateConstraintKey,
        _ => false,
    };
}
