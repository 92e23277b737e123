using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dti.Infrastructure.Persistence;

/// <summary>
/// Tells a failed save the client can fix — a duplicate key, 409 — and a database too busy to answer in time — 503, to
/// be retried — from every other database failure, which is the server's (500). Read from each provider's own error code
/// or exception type, never from message text.
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

    // SQLITE_BUSY and SQLITE_LOCKED: another connection held the database's write lock past the busy timeout.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // SQL Server's "timeout expired".
    private const int SqlServerTimeout = -2;

    /// <summary>True when <paramref name="exception"/> is a unique-key or primary-key violation on any supported provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        DbException other when other.GetType().FullName == SqlServerExceptionType =>
            other.GetType().GetProperty("Number")?.GetValue(other) is SqlServerDuplicateIndexKey or SqlServerDuplicateConstraintKey,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the database did not serve the request in time, not
    /// that the request or the data is wrong: every connection of the pool stayed busy for the connection string's
    /// <c>Timeout</c> (Npgsql), a statement timed out, PostgreSQL refused more connections or cancelled a statement on its
    /// <c>statement_timeout</c>, or SQLite's write lock stayed taken. A retry later may succeed; nothing was written.
    /// </summary>
    public static bool IsBusy(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var busy = current switch
            {
                PostgresException postgres => postgres.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.QueryCanceled,
                NpgsqlException { InnerException: TimeoutException } => true,
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                DbException other when other.GetType().FullName == SqlServerExceptionType =>
                    other.GetType().GetProperty("Number")?.GetValue(other) is SqlServerTimeout,
                _ => false,
            };
            if (busy)
            {
                return true;
            }
        }

        return false;
    }
}
