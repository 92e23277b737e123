using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Frameworks.Commands.ImportFramework;

/// <summary>Imports a whole framework version as a draft.</summary>
public sealed record ImportFrameworkCommand(FrameworkInput Body) : IRequest<Versioned<FrameworkDto>>;

public sealed class ImportFrameworkValidator : AbstractValidator<ImportFrameworkCommand>
{
    public ImportFrameworkValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new FrameworkInputValidator());
}

public sealed class ImportFrameworkHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<ImportFrameworkCommand, Versioned<FrameworkDto>>
{
    public async Task<Versioned<FrameworkDto>> Handle(ImportFrameworkCommand request, CancellationToken cancellationToken)
    {
        var framework = Framework.Create(request.Body.ToSpec(), clock.GetUtcNow());
        if (await db.Frameworks.AnyAsync(f => f.Code == framework.Code, cancellationToken))
        {
            throw DomainException.Conflict("framework.code-taken", $"A framework with code '{framework.Code}' already exists.", "code");
        }

        await db.EnsureNoYearOverlapAsync(null, framework.FirstAssessmentYear, framework.LastAssessmentYear, cancellationToken);
        db.Frameworks.Add(framework);
        await db.SaveChangesAsync(cancellationToken);
        return framework.Adapt<Versioned<FrameworkDto>>(config);
    }
}
