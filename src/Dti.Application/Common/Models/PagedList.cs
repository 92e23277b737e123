using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Common.Models;

/// <summary>One page of a list, with the totals a client needs to page through the rest.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public static async Task<PagedList<T>> CreateAsync(IQueryable<T> source, PageRequest paging, CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        var items = await source.Skip(paging.Offset).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, paging.Page, paging.PageSize, total);
    }
}
