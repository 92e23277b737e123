using Dti.Application.Agencies;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Evidence;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Evidence.Commands.AddEvidenceLink;

/// <summary>Records a link to evidence published elsewhere (a portal page, a document on the province's e-office system).</summary>
public sealed record AddEvidenceLinkCommand(Guid AgencyId, EvidenceLinkInput Body) : IRequest<EvidenceDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Agency(AgencyId);
}

/// <param name="Url">An absolute http:// or https:// address.</param>
/// <param name="Description">What the linked page or document shows.</param>
public sealed record EvidenceLinkInput(string? Url, string? Description);

public sealed class AddEvidenceLinkValidator : AbstractValidator<AddEvidenceLinkCommand>
{
    public AddEvidenceLinkValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new EvidenceLinkInputValidator());
}

public sealed class EvidenceLinkInputValidator : AbstractValidator<EvidenceLinkInput>
{
    /// <summary>An absolute http(s) address without spaces; the domain checks the rest (a host, no credentials).</summary>
    public const string UrlPattern = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$";

    public EvidenceLinkInputValidator()
    {
        RuleFor(l => l.Url).NotEmpty().SingleLine(EvidenceLimits.UrlMaxLength)
            .Matches(UrlPattern).WithMessage("'url' must be an absolute http:// or https:// address.");
        RuleFor(l => l.Description).NotEmpty().MultiLine(EvidenceLimits.DescriptionMaxLength);
    }
}

public sealed class AddEvidenceLinkHandler(IApplicationDbContext db, ICurrentClient client, TypeAdapterConfig mapping, TimeProvider clock)
    : IRequestHandler<AddEvidenceLinkCommand, EvidenceDto>
{
    public async Task<EvidenceDto> Handle(AddEvidenceLinkCommand request, CancellationToken cancellationToken)
    {
        await db.EnsureExistsAsync(request.AgencyId, cancellationToken);
        var item = EvidenceItem.Link(request.AgencyId, request.Body.Url, request.Body.Description, client.ClientId, client.Name, clock.GetUtcNow());
        db.Evidence.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Adapt<EvidenceDto>(mapping);
    }
}
