using FluentValidation;

namespace Dti.Application.Common.Models;

/// <summary>Which page of a list to return. Pages start at 1; a page past the end is empty.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Far beyond any real list, and small enough that (page − 1) × pageSize never overflows an offset.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>How many items come before this page.</summary>
    public int Offset => (Page - 1) * PageSize;
}

public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(p => p.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
