using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dti.Infrastructure.Persistence;

/// <summary>
/// Claiming rows for a transaction so that several API instances on one database never take the same row: the one
/// place that knows each provider's row locks. The outbox, the webhook deliveries and the reminder scan claim through it.
/// </summary>
/// <remarks>
/// A query marked with <see cref="SkipLockedForUpdate{T}"/> locks the rows it reads until the transaction ends and skips
/// rows another transaction holds: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, <c>WITH (UPDLOCK, READPAST, ROWLOCK)</c> on
/// the query's first table on SQL Server. SQLite has one writer at a time, so a write transaction is the lock: the query
/// runs as written. The query stays LINQ (filter, order, limit); only the locking clause is added to the SQL EF generated.
/// </remarks>
public static partial class RowClaims
{
    /// <summary>The query tag that marks a claiming query (EF writes it as a leading <c>-- </c> comment).</summary>
    public const string Tag = "dti:skip-locked-for-update";

    /// <summary>Locks the rows this query reads until the transaction ends, skipping rows another transaction holds.</summary>
    public static IQueryable<T> SkipLockedForUpdate<T>(this IQueryable<T> query) => query.TagWith(Tag);

    /// <summary>The SQL of a claiming query with the provider's locking clause; any other SQL unchanged.</summary>
    /// <exception cref="InvalidOperationException">A SQL Server query whose first table was not found.</exception>
    public static string Rewrite(string sql, DatabaseProvider provider)
    {
        if (!sql.StartsWith("-- " + Tag, StringComparison.Ordinal))
        {
            return sql;
        }

        return provider switch
        {
            DatabaseProvider.Postgres => sql.TrimEnd().TrimEnd(';') + "\nFOR UPDATE SKIP LOCKED",
            DatabaseProvider.SqlServer => FirstTable().Replace(sql, "$0 WITH (UPDLOCK, READPAST, ROWLOCK)", 1) is var hinted && hinted != sql
                ? hinted
                : throw new InvalidOperationException($"No table to lock was found in a claiming query: {sql}"),
            DatabaseProvider.Sqlite => sql,
            _ => throw new NotSupportedException($"Rows cannot be claimed on {provider}: add its row lock to {nameof(RowClaims)}.{nameof(Rewrite)}."),
        };
    }

    private static readonly Rewriter[] Rewriters = [.. Enum.GetValues<DatabaseProvider>().Select(p => new Rewriter(p))];

    /// <summary>The interceptor that rewrites claiming queries for <paramref name="provider"/>: one shared instance per provider.</summary>
    public static IInterceptor Interceptor(DatabaseProvider provider) => Rewriters.Single(r => r.Provider == provider);

    /// <summary>The first <c>FROM [Table] AS [alias]</c> of the statement.</summary>
    [GeneratedRegex(@"\bFROM \[[^\]]+\] AS \[[^\]]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstTable();

    private sealed class Rewriter(DatabaseProvider provider) : DbCommandInterceptor
    {
        public DatabaseProvider Provider => provider;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            command.CommandText = Rewrite(command.CommandText, provider);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            command.CommandText = Rewrite(command.CommandText, provider);
            return ValueTask.FromResult(result);
        }
    }
}
