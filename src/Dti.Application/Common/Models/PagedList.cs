using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Common.Models;

/// <summary>One page of a list, with the totals a client needs to page through the rest.</summary>
[LimitsOf(typeof(PageRequest))]
public sealed record PagedList<T>(
    [property: MaxLength(PageRequest.MaxPageSize)] IReadOnlyList<T> Items,
    int Page,
    int PageSize,
    [property: Range(0, int.MaxValue)] int TotalCount)
{
    [Range(0, int.MaxValue)]
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public static async Task<PagedList<T>> CreateAsync(IQueryable<T> source, PageRequest paging, CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        var items = await source.Skip(paging.Offset).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>The same page holding other items: the DTOs its entities were mapped to.</summary>
    public PagedList<TOut> WithItems<TOut>(IReadOnlyList<TOut> items) => new(items, Page, PageSize, TotalCount);

    /// <summary>One page of a list computed in memory (a history, a schedule of deadlines).</summary>
    public static PagedList<T> Of(IReadOnlyList<T> all, PageRequest paging) =>
        new([.. all.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)], paging.Page, paging.PageSize, all.Count);
}
