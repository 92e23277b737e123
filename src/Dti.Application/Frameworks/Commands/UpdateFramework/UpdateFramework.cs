using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Frameworks.Commands.UpdateFramework;

/// <summary>Replaces the definition of a draft framework. <paramref name="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateFrameworkCommand(string Code, FrameworkInput Body, int? ExpectedVersion) : IRequest<Versioned<FrameworkDto>>;

public sealed class UpdateFrameworkValidator : AbstractValidator<UpdateFrameworkCommand>
{
    public UpdateFrameworkValidator()
    {
        RuleFor(c => c.Code).FrameworkCode();
        RuleFor(c => c.Body).NotNull().SetValidator(new FrameworkInputValidator());
    }
}

public sealed class UpdateFrameworkHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<UpdateFrameworkCommand, Versioned<FrameworkDto>>
{
    public async Task<Versioned<FrameworkDto>> Handle(UpdateFrameworkCommand request, CancellationToken cancellationToken)
    {
        var framework = await db.GetForUpdateAsync(request.Code, request.ExpectedVersion, cancellationToken);
        framework.Redefine(request.Body.ToSpec(), clock.GetUtcNow());
        await db.EnsureNoYearOverlapAsync(framework.Id, framework.FirstAssessmentYear, framework.LastAssessmentYear, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return framework.Adapt<Versioned<FrameworkDto>>(config);
    }
}
