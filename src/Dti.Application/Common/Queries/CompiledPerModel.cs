using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dti.Application.Common.Queries;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>)
/// compiled once per EF Core model, so that it can live in a static field. EF Core refuses to run a compiled query against
/// another model than the first it ran with ("Compiled queries can only be used with a single model"), and one process
/// can hold several: the tests host SQLite and PostgreSQL side by side. An application has one model per provider, so
/// this compiles once per provider and then costs a lock-free lookup. Uncompiled, EF Core hashes and compares the LINQ
/// tree and evaluates its closure on every call to find the query in its cache.
/// </summary>
/// <typeparam name="TQuery">The delegate <c>EF.CompileAsyncQuery</c> returns.</typeparam>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    /// <summary>The query compiled for <paramref name="context"/>'s model.</summary>
    public TQuery For(DbContext context) =>
        _compiled.TryGetValue(context.Model, out var query) ? query : _compiled.GetValue(context.Model, _ => compile());
}
