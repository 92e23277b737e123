using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// Every LINQ query the application hands to EF, as written (before EF extracts parameters), so a test can translate
/// the very same queries for another provider. Filled by <see cref="RecordingQueryProvider"/>.
/// </summary>
public sealed class QueryLog
{
    private readonly ConcurrentQueue<Expression> _queries = new();

    public void Add(Expression query) => _queries.Enqueue(query);

    /// <summary>The queries recorded since the last call, and forgets them.</summary>
    public IReadOnlyList<Expression> Take()
    {
        var taken = new List<Expression>();
        while (_queries.TryDequeue(out var query))
        {
            taken.Add(query);
        }

        return taken;
    }
}

/// <summary>EF's own query provider that also writes each query it executes to the application's <see cref="QueryLog"/>.</summary>
#pragma warning disable EF1001 // Deriving from EF's internal provider is the point: every query passes through it.
public sealed class RecordingQueryProvider(IQueryCompiler queryCompiler, IDbContextOptions options) : EntityQueryProvider(queryCompiler)
{
    private readonly QueryLog? _log = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<QueryLog>();

    public override TResult Execute<TResult>(Expression expression)
    {
        _log?.Add(expression);
        return base.Execute<TResult>(expression);
    }

    public override object Execute(Expression expression)
    {
        _log?.Add(expression);
        return base.Execute(expression);
    }

    public override TResult ExecuteAsync<TResult>(Expression expression, CancellationToken cancellationToken = default)
    {
        _log?.Add(expression);
        return base.ExecuteAsync<TResult>(expression, cancellationToken);
    }
}
#pragma warning restore EF1001
