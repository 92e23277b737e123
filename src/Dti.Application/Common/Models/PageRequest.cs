using FluentValidation;

namespace Dti.Application.Common.Models;

/// <summary>Which page of a list to return. Pages start at 1.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Far beyond any real list, and small enough that (page − 1) × pageSize never overflows an offset.</summary>
    public const int MaxPage = 1_000_000;
}

public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(p => p.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
