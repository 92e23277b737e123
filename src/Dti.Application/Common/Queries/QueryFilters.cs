using System.Linq.Expressions;

namespace Dti.Application.Common.Queries;

/// <summary>
/// Optional filters of list queries: each applies only when the caller gave its value, as one line per filter instead of
/// an <c>if</c> block each. The value reaches SQL as a parameter, as a captured local does.
/// </summary>
public static class QueryFilters
{
    /// <summary><paramref name="query"/> filtered by <paramref name="predicate"/> of <paramref name="value"/>, or unchanged when there is no value.</summary>
    public static IQueryable<T> WhereIf<T, TValue>(this IQueryable<T> query, TValue? value, Func<TValue, Expression<Func<T, bool>>> predicate)
        where TValue : struct =>
        value is { } given ? query.Where(predicate(given)) : query;

    /// <inheritdoc cref="WhereIf{T, TValue}(IQueryable{T}, TValue?, Func{TValue, Expression{Func{T, bool}}})"/>
    public static IQueryable<T> WhereIf<T, TValue>(this IQueryable<T> query, TValue? value, Func<TValue, Expression<Func<T, bool>>> predicate)
        where TValue : class =>
        value is { } given ? query.Where(predicate(given)) : query;
}
