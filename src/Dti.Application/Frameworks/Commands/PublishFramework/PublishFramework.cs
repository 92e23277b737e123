using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Frameworks.Commands.PublishFramework;

/// <summary>Publishes a complete draft; from then on it is immutable.</summary>
public sealed record PublishFrameworkCommand(string Code, int? ExpectedVersion) : IRequest<Versioned<FrameworkDto>>;

public sealed class PublishFrameworkValidator : AbstractValidator<PublishFrameworkCommand>
{
    public PublishFrameworkValidator() => RuleFor(c => c.Code).FrameworkCode();
}

public sealed class PublishFrameworkHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<PublishFrameworkCommand, Versioned<FrameworkDto>>
{
    public async Task<Versioned<FrameworkDto>> Handle(PublishFrameworkCommand request, CancellationToken cancellationToken)
    {
        var framework = await db.GetForUpdateAsync(request.Code, request.ExpectedVersion, cancellationToken);
        framework.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return framework.Adapt<Versioned<FrameworkDto>>(config);
    }
}
