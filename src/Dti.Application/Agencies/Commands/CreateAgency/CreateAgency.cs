using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Agencies;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Agencies.Commands.CreateAgency;

/// <summary>Registers an agency under its electronic identifier code.</summary>
public sealed record CreateAgencyCommand(AgencyInput Body) : IRequest<Versioned<AgencyDto>>;

public sealed class CreateAgencyValidator : AbstractValidator<CreateAgencyCommand>
{
    public CreateAgencyValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AgencyInputValidator());
}

public sealed class CreateAgencyHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<CreateAgencyCommand, Versioned<AgencyDto>>
{
    public async Task<Versioned<AgencyDto>> Handle(CreateAgencyCommand request, CancellationToken cancellationToken)
    {
        var agency = Agency.Create(request.Body.ToSpec(), clock.GetUtcNow());
        await db.EnsureParentExistsAsync(agency.ParentId, cancellationToken);
        await db.EnsureCodeFreeAsync(agency.Code, null, cancellationToken);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency.Adapt<Versioned<AgencyDto>>(config);
    }
}
