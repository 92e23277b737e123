using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Agencies.Commands.UpdateAgency;

/// <summary>Replaces an agency's definition. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateAgencyCommand(Guid Id, AgencyInput Body, int? ExpectedVersion) : IRequest<Versioned<AgencyDto>>;

public sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AgencyInputValidator());
}

public sealed class UpdateAgencyHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<UpdateAgencyCommand, Versioned<AgencyDto>>
{
    public async Task<Versioned<AgencyDto>> Handle(UpdateAgencyCommand request, CancellationToken cancellationToken)
    {
        var agency = await db.GetForUpdateAsync(request.Id, request.ExpectedVersion, cancellationToken);
        agency.Redefine(request.Body.ToSpec(), clock.GetUtcNow());
        await db.EnsureParentExistsAsync(agency.ParentId, cancellationToken);
        await db.EnsureCodeFreeAsync(agency.Code, agency.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return agency.Adapt<Versioned<AgencyDto>>(config);
    }
}
