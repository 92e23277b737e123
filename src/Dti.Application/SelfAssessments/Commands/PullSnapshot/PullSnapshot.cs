using System.Globalization;
using System.Security.Cryptography;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Commands.PullSnapshot;

/// <summary>
/// Downloads one snapshot revision — the JSON document, its CSV or its signature — and records the pull (who, which
/// revision, what, when), so the province sees that the ministry has it. A client that already holds the bytes
/// (<see cref="IfNoneMatch"/> names their SHA-256) gets nothing back and nothing is recorded.
/// </summary>
public sealed record PullSnapshotCommand(int Year, int Revision, SnapshotFormat Format, string? IfNoneMatch) : IRequest<SnapshotFile>;

public sealed class PullSnapshotValidator : AbstractValidator<PullSnapshotCommand>
{
    public PullSnapshotValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(c => c.Revision).InclusiveBetween(1, SelfAssessmentLimits.MaxRevision);
    }
}

public sealed class PullSnapshotHandler(IApplicationDbContext db, ICurrentClient client, TimeProvider clock) : IRequestHandler<PullSnapshotCommand, SnapshotFile>
{
    public async Task<SnapshotFile> Handle(PullSnapshotCommand request, CancellationToken cancellationToken)
    {
        var snapshot = await db.SelfAssessmentSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentYear == request.Year && s.Revision == request.Revision, cancellationToken)
            ?? throw new NotFoundException("Snapshot", string.Create(CultureInfo.InvariantCulture, $"{request.Year} revision {request.Revision}"));
        var name = string.Create(CultureInfo.InvariantCulture, $"dti-self-assessment-{snapshot.AssessmentYear}-r{snapshot.Revision}");
        var (bytes, mediaType, fileName) = request.Format switch
        {
            SnapshotFormat.Csv => (SnapshotCsv.Of(snapshot.Document), "text/csv; charset=utf-8", name + ".csv"),
            SnapshotFormat.Signature => (snapshot.Signature, "application/pkcs7-signature", name + ".json.p7s"),
            SnapshotFormat.Dhis2 => (SnapshotDhis2.Of(snapshot.Document), "application/json", name + ".dhis2.json"),
            _ => (SelfAssessmentSnapshot.BytesOf(snapshot.Document), "application/json", name + ".json"),
        };
        var sha256 = request.Format == SnapshotFormat.Json ? snapshot.Sha256 : Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (request.IfNoneMatch is { } held && held.Split(',').Any(tag => tag.Trim() == "*" || tag.Trim().Trim('"') == sha256))
        {
            return new SnapshotFile(null, mediaType, fileName, sha256);
        }

        db.SnapshotPulls.Add(new SnapshotPull(snapshot, request.Format.ToString().ToLowerInvariant(), client.SelfAssessmentActor(), string.Join(",", client.Roles.Order()), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return new SnapshotFile(bytes, mediaType, fileName, sha256);
    }
}
