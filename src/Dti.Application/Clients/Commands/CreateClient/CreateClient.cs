using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Security;
using Dti.Domain.Clients;
using FluentValidation;
using MediatR;

namespace Dti.Application.Clients.Commands.CreateClient;

/// <summary>What a coordinator says about a new client system.</summary>
public sealed record CreateClientInput(string Name, string? Contact, IReadOnlyList<ClientRole> Roles, IReadOnlyList<Guid>? AgencyIds, DateTimeOffset? ExpiresAt);

/// <summary>Registers a client system and issues its first API key.</summary>
public sealed record CreateClientCommand(CreateClientInput Body) : IRequest<Versioned<ClientWithKeyDto>>;

public sealed class CreateClientValidator : AbstractValidator<CreateClientCommand>
{
    public CreateClientValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).NotNull();
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.Name).NotEmpty().MaximumLength(ClientLimits.NameMaxLength);
            RuleFor(c => c.Body.Contact).MaximumLength(ClientLimits.ContactMaxLength);
            RuleFor(c => c.Body.Roles).NotEmpty()
                .Must(r => r is null || r.Count <= ClientLimits.MaxRoles).WithMessage($"'roles' may list at most {ClientLimits.MaxRoles} roles.");
            RuleForEach(c => c.Body.Roles).IsInEnum();
            RuleFor(c => c.Body.AgencyIds)
                .Must(a => a is null || a.Count <= ClientLimits.MaxAgencies).WithMessage($"'agencyIds' may list at most {ClientLimits.MaxAgencies} agencies.");
            RuleForEach(c => c.Body.AgencyIds).NotEmpty();
            RuleFor(c => c.Body.AgencyIds)
                .Must(a => a is { Count: > 0 }).WithMessage("An AgencyReporter client must act for at least one agency.")
                .When(c => c.Body.Roles?.Contains(ClientRole.AgencyReporter) == true);
            RuleFor(c => c.Body.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).WithMessage("'expiresAt' must be in the future.");
        });
    }
}

public sealed class CreateClientHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CreateClientCommand, Versioned<ClientWithKeyDto>>
{
    public async Task<Versioned<ClientWithKeyDto>> Handle(CreateClientCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var (key, issued) = ApiKeys.Issue();
        var client = ApiClient.Register(body.Name, body.Contact, body.Roles, body.AgencyIds ?? [], body.ExpiresAt, issued, clock.GetUtcNow());
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<ClientWithKeyDto>(new ClientWithKeyDto(ClientDto.From(client), key), client.Version);
    }
}
