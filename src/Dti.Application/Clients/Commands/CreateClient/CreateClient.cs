using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Clients;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Clients.Commands.CreateClient;

/// <summary>What a coordinator says about a new client system.</summary>
public sealed record CreateClientInput(string Name, string? Contact, IReadOnlyList<ClientRole> Roles, IReadOnlyList<Guid>? AgencyIds, DateTimeOffset? ExpiresAt);

/// <summary>Registers a client system and issues its first API key.</summary>
public sealed record CreateClientCommand(CreateClientInput Body) : IRequest<Versioned<ClientWithKeyDto>>;

public sealed class CreateClientValidator : AbstractValidator<CreateClientCommand>
{
    public CreateClientValidator(TimeProvider clock) => RuleFor(c => c.Body).NotNull().SetValidator(new CreateClientInputValidator(clock));
}

public sealed class CreateClientInputValidator : AbstractValidator<CreateClientInput>
{
    public CreateClientInputValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().SingleLine(ClientLimits.NameMaxLength);
        RuleFor(c => c.Contact).SingleLine(ClientLimits.ContactMaxLength);
        RuleFor(c => c.Roles).NotEmpty().MaxItems(ClientLimits.MaxRoles).WithMessage($"'roles' may list at most {ClientLimits.MaxRoles} roles.");
        RuleForEach(c => c.Roles).IsDefinedEnum();
        RuleFor(c => c.AgencyIds).MaxItems(ClientLimits.MaxAgencies).WithMessage($"'agencyIds' may list at most {ClientLimits.MaxAgencies} agencies.");
        RuleForEach(c => c.AgencyIds).NotEmpty();
        RuleFor(c => c.AgencyIds)
            .Must(a => a is { Count: > 0 }).WithMessage("An AgencyReporter client must act for at least one agency.")
            .When(c => c.Roles?.Contains(ClientRole.AgencyReporter) == true);
        RuleFor(c => c.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).WithMessage("'expiresAt' must be in the future.");
    }
}

public sealed class CreateClientHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<CreateClientCommand, Versioned<ClientWithKeyDto>>
{
    public async Task<Versioned<ClientWithKeyDto>> Handle(CreateClientCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var (key, issued) = ApiKeys.Issue();
        var client = ApiClient.Register(body.Name, body.Contact, body.Roles, body.AgencyIds ?? [], body.ExpiresAt, issued, clock.GetUtcNow());
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<ClientWithKeyDto>(new ClientWithKeyDto(client.Adapt<ClientDto>(config), key), client.Version);
    }
}
