using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Commands.ImportMinistryFigures;

/// <summary>
/// Imports (or replaces) the ministry's appraised and final numbers for a snapshot revision, given as JSON. The snapshot
/// itself never changes: the numbers are kept beside it. <paramref name="ExpectedVersion"/> comes from If-Match; null
/// means the caller sent <c>If-None-Match: *</c> (create only), the API refusing a request with neither (428).
/// </summary>
public sealed record ImportMinistryFiguresCommand(int Year, int Revision, MinistryFiguresInput Body, int? ExpectedVersion) : IRequest<Versioned<MinistryFiguresDto>>;

/// <summary>The same import from CSV (<see cref="MinistryFiguresCsv"/>): problems name <c>lines[n].column</c>.</summary>
public sealed record ImportMinistryFiguresCsvCommand(int Year, int Revision, string Csv, int? ExpectedVersion) : IRequest<Versioned<MinistryFiguresDto>>;

public sealed class ImportMinistryFiguresValidator : AbstractValidator<ImportMinistryFiguresCommand>
{
    public ImportMinistryFiguresValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(c => c.Revision).InclusiveBetween(1, SelfAssessmentLimits.MaxRevision);
        RuleFor(c => c.Body).NotNull().SetValidator(new MinistryFiguresInputValidator());
    }
}

public sealed class ImportMinistryFiguresCsvValidator : AbstractValidator<ImportMinistryFiguresCsvCommand>
{
    public ImportMinistryFiguresCsvValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(c => c.Revision).InclusiveBetween(1, SelfAssessmentLimits.MaxRevision);
    }
}

public sealed class ImportMinistryFiguresHandler(IApplicationDbContext db, ICurrentClient client, TypeAdapterConfig config, TimeProvider clock)
    : IRequestHandler<ImportMinistryFiguresCommand, Versioned<MinistryFiguresDto>>, IRequestHandler<ImportMinistryFiguresCsvCommand, Versioned<MinistryFiguresDto>>
{
    public Task<Versioned<MinistryFiguresDto>> Handle(ImportMinistryFiguresCommand request, CancellationToken cancellationToken)
    {
        var entries = request.Body.Figures!
            .Select((f, i) => new MinistryFigureEntry($"figures[{i}]", f.Code, f.AppraisedValue, f.AppraisedScore, f.FinalValue, f.FinalScore))
            .ToList();
        return ImportAsync(request.Year, request.Revision, request.Body.Source!, entries, request.ExpectedVersion, cancellationToken);
    }

    public Task<Versioned<MinistryFiguresDto>> Handle(ImportMinistryFiguresCsvCommand request, CancellationToken cancellationToken)
    {
        var (source, entries) = MinistryFiguresCsv.Parse(request.Csv);
        return ImportAsync(request.Year, request.Revision, source, entries, request.ExpectedVersion, cancellationToken);
    }

    private async Task<Versioned<MinistryFiguresDto>> ImportAsync(
        int year, int revision, string source, IReadOnlyList<MinistryFigureEntry> entries, int? expectedVersion, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{year} revision {revision}");
        var snapshot = await db.SelfAssessmentSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentYear == year && s.Revision == revision, cancellationToken)
            ?? throw new NotFoundException("Snapshot", key);
        var indices = SnapshotDocument.Read(snapshot.Document).Indices.Select(i => new SnapshotIndex(i.Code, i.MaxPoints)).ToList();
        var actor = client.SelfAssessmentActor();
        var now = clock.GetUtcNow();
        var set = await db.MinistryFigureSets.Include(s => s.Figures).SingleOrDefaultAsync(s => s.AssessmentYear == year && s.Revision == revision, cancellationToken);
        var creating = set is null;
        if (set is null)
        {
            if (expectedVersion is not null)
            {
                throw new PreconditionFailedException("Ministry figures", key, 0);
            }

            set = MinistryFigureSet.Import(snapshot, indices, source, entries, actor, now);
            db.MinistryFigureSets.Add(set);
        }
        else
        {
            // The caller asked to create (If-None-Match: *), but the snapshot has figures: replacing them needs their ETag.
            PreconditionFailedException.ThrowIfStale("Ministry figures", key, set.Version, expectedVersion ?? 0);
            set.Replace(indices, source, entries, actor, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (creating)
        {
            // Another import may have created the snapshot's figures between our read and our insert: "only if none
            // exist" failed (412); anything else is not ours to explain.
            if (await db.MinistryFigureSets.AsNoTracking().AnyAsync(s => s.AssessmentYear == year && s.Revision == revision, cancellationToken))
            {
                throw new PreconditionFailedException("Ministry figures", key, 1);
            }

            throw;
        }

        return set.Adapt<Versioned<MinistryFiguresDto>>(config);
    }
}
