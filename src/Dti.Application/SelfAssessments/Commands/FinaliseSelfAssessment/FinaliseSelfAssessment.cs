using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.SelfAssessments.Commands.FinaliseSelfAssessment;

/// <summary>
/// Freezes the consolidation as it stands into the next snapshot revision: one canonical JSON document, its SHA-256 and
/// the province's signature over it. The revision never changes afterwards.
/// </summary>
public sealed record FinaliseSelfAssessmentCommand(int Year, int? ExpectedVersion) : IRequest<Versioned<SelfAssessmentDto>>;

public sealed class FinaliseSelfAssessmentValidator : AbstractValidator<FinaliseSelfAssessmentCommand>
{
    public FinaliseSelfAssessmentValidator() => RuleFor(c => c.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
}

public sealed class FinaliseSelfAssessmentHandler(
    IApplicationDbContext db, ICurrentClient client, ISnapshotSigner signer, WorkingCalendarSource calendars, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<FinaliseSelfAssessmentCommand, Versioned<SelfAssessmentDto>>
{
    public async Task<Versioned<SelfAssessmentDto>> Handle(FinaliseSelfAssessmentCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var assessment = await db.GetSelfAssessmentAsync(request.Year, request.ExpectedVersion, cancellationToken);
        var actor = client.SelfAssessmentActor();
        var consolidated = await db.ConsolidateAsync(config, calendars, assessment, now, cancellationToken);
        var document = SnapshotDocument.Of(consolidated, actor.Name, now, signer.Thumbprint);
        var snapshot = assessment.Finalise(document, signer.Sign(SelfAssessmentSnapshot.BytesOf(document)), actor, now);
        db.SelfAssessmentSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return new(await db.ConsolidateAsync(config, calendars, assessment, now, cancellationToken), assessment.Version);
    }
}
