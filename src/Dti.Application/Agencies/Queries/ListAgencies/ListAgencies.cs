using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Validation;
using Dti.Domain.Agencies;
using Dti.Domain.Common;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Agencies.Queries.ListAgencies;

/// <summary>
/// Agencies, by name unless <see cref="Sort"/> says otherwise. <see cref="Q"/> matches the full or short name
/// ignoring case and Vietnamese diacritics ("so khoa hoc" finds "Sở Khoa học và Công nghệ").
/// </summary>
public sealed record ListAgenciesQuery(PageRequest Paging, AgencyKind? Kind, Guid? ParentId, DateOnly? ActiveOn, string? Q, string? Sort)
    : IRequest<PagedList<AgencyDto>>;

public sealed class ListAgenciesValidator : AbstractValidator<ListAgenciesQuery>
{
    public static readonly string[] SortKeys = ["name", "-name", "code", "-code", "validFrom", "-validFrom"];

    public ListAgenciesValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Kind).IsDefinedEnum().When(q => q.Kind is not null);
        RuleFor(q => q.Q).SingleLine(AgencyLimits.FullNameMaxLength);
        RuleFor(q => q.Sort).OneOf(SortKeys);
    }
}

public sealed class ListAgenciesHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListAgenciesQuery, PagedList<AgencyDto>>
{
    public Task<PagedList<AgencyDto>> Handle(ListAgenciesQuery request, CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsNoTracking();
        query = query.WhereIf(request.Kind, kind => a => a.Kind == kind)
            .WhereIf(request.ParentId, parent => a => a.ParentId == parent)
            .WhereIf(request.ActiveOn, on => a => a.ValidFrom <= on && (a.ValidTo == null || a.ValidTo >= on));

        var folded = SearchText.Fold(request.Q);
        if (folded.Length > 0)
        {
            // '[' opens a character class in SQL Server's LIKE; escaped, it is a plain character on every provider.
            var escaped = string.Concat(folded.Select(c => c is '\\' or '%' or '_' or '[' ? $"\\{c}" : c.ToString()));
            var pattern = $"%{escaped}%";
            query = query.Where(a => EF.Functions.Like(a.SearchName, pattern, "\\"));
        }

        query = request.Sort switch
        {
            "-name" => query.OrderByDescending(a => a.SearchName).ThenBy(a => a.Code),
            "code" => query.OrderBy(a => a.Code),
            "-code" => query.OrderByDescending(a => a.Code),
            "validFrom" => query.OrderBy(a => a.ValidFrom).ThenBy(a => a.Code),
            "-validFrom" => query.OrderByDescending(a => a.ValidFrom).ThenBy(a => a.Code),
            _ => query.OrderBy(a => a.SearchName).ThenBy(a => a.Code),
        };

        return PagedList<AgencyDto>.CreateAsync(query.ProjectToType<AgencyDto>(config), request.Paging, cancellationToken);
    }
}
