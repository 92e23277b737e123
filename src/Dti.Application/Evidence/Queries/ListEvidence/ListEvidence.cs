using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Evidence;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Evidence.Queries.ListEvidence;

/// <summary>An agency's evidence, newest first, a page at a time; <see cref="Kind"/> keeps only files or only links.</summary>
public sealed record ListEvidenceQuery(Guid AgencyId, EvidenceKind? Kind, PageRequest Paging) : IRequest<PagedList<EvidenceDto>>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(AgencyId);
}

public sealed class ListEvidenceValidator : AbstractValidator<ListEvidenceQuery>
{
    public ListEvidenceValidator()
    {
        RuleFor(q => q.Kind).IsDefinedEnum();
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class ListEvidenceHandler(IApplicationDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListEvidenceQuery, PagedList<EvidenceDto>>
{
    public async Task<PagedList<EvidenceDto>> Handle(ListEvidenceQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureExistsAsync(request.AgencyId, cancellationToken);
        var evidence = db.Evidence.AsNoTracking().Where(e => e.AgencyId == request.AgencyId);
        evidence = evidence.WhereIf(request.Kind, kind => e => e.Kind == kind);

        return await PagedList<EvidenceDto>.CreateAsync(
            evidence.OrderByDescending(e => e.UploadedAt).ThenByDescending(e => e.Id).ProjectToType<EvidenceDto>(mapping), request.Paging, cancellationToken);
    }
}
