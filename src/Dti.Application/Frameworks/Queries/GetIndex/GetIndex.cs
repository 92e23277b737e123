using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks.Queries.GetIndex;

/// <summary>One index of a framework, main (<c>7</c>) or component (<c>7.3</c>).</summary>
public sealed record GetIndexQuery(string Code, string IndexCode) : IRequest<IndexDto>;

public sealed class GetIndexValidator : AbstractValidator<GetIndexQuery>
{
    public GetIndexValidator()
    {
        RuleFor(q => q.Code).FrameworkCode();
        RuleFor(q => q.IndexCode).NotEmpty().IndexCode();
    }
}

/// <summary>An index with its place in the framework. <c>Level</c> says whether it is a main or a component index.</summary>
[LimitsOf(typeof(ComponentIndexInput))]
public sealed record IndexDto(
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string FrameworkCode,
    string Code,
    IndexLevel Level,
    string? MainIndexCode,
    string NameVi,
    string? NameEn,
    decimal? MaxPoints,
    bool IsScored,
    IndexGroup Group,
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string? PillarCode,
    MeasureType? MeasureType,
    string? Unit,
    bool? EvidenceRequired,
    string? DataSource,
    bool IsSample,
    [property: MaxLength(FrameworkLimits.MaxComponentIndices)] IReadOnlyList<ComponentIndexDto> ComponentIndices);

public enum IndexLevel
{
    Main,
    Component,
}

public sealed class GetIndexHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetIndexQuery, IndexDto>
{
    public async Task<IndexDto> Handle(GetIndexQuery request, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking().WithTree().SingleOrDefaultAsync(f => f.Code == request.Code, cancellationToken)
            ?? throw new NotFoundException("Framework", request.Code);
        var main = framework.MainIndices.SingleOrDefault(m => string.Equals(m.Code, request.IndexCode, StringComparison.OrdinalIgnoreCase));
        if (main is not null)
        {
            var dto = new MainIndexWithComponents(main, framework.ComponentsOf(main)).Adapt<MainIndexDto>(config);
            return new IndexDto(framework.Code, main.Code, IndexLevel.Main, null, main.NameVi, main.NameEn, main.MaxPoints, main.IsScored, main.Group, main.PillarCode, null, null, null, null, false, dto.ComponentIndices);
        }

        var component = framework.ComponentIndices.SingleOrDefault(c => string.Equals(c.Code, request.IndexCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"Index in framework '{framework.Code}'", request.IndexCode);
        var parent = framework.MainIndices.Single(m => string.Equals(m.Code, component.MainIndexCode, StringComparison.OrdinalIgnoreCase));
        return new IndexDto(framework.Code, component.Code, IndexLevel.Component, parent.Code, component.NameVi, component.NameEn, component.MaxPoints, parent.IsScored, parent.Group, parent.PillarCode, component.MeasureType, component.Unit, component.EvidenceRequired, component.DataSource, component.IsSample, []);
    }
}
